import Contagion
public enum ContagionCommandLine { public static func main() {} }
