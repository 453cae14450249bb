import ContagionCommandLine

CommandLineTool.main()
