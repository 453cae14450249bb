// swift-tools-version:6.0
import PackageDescription

/// Contagion: agent-based simulation of viral content on social graphs, and the seeding
/// policies that compete to start it. No package dependencies: only the Swift toolchain.
let package = Package(
    name: "Contagion",
    products: [
        .library(name: "Contagion", targets: ["Contagion"]),
        .executable(name: "contagion", targets: ["ContagionCLI"]),
        .executable(name: "contagion-bench", targets: ["ContagionBench"]),
    ],
    targets: [
        .target(name: "Contagion"),
        .target(name: "ContagionCommandLine", dependencies: ["Contagion"]),
        .executableTarget(name: "ContagionCLI", dependencies: ["ContagionCommandLine"]),
        .executableTarget(name: "ContagionBench", dependencies: ["Contagion"]),
        .testTarget(name: "ContagionTests", dependencies: ["Contagion", "ContagionCommandLine"]),
    ],
    swiftLanguageModes: [.v6]
)
