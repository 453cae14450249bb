import ContagionCommandLine

ContagionCommandLine.main()
