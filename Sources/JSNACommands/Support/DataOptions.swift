import ArgumentParser
import CensusIngest

/// The data folders and neighbour model shared by the commands.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of DfE/ONS CSV files (repeat for several releases).", valueName: "dir"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("Statistical neighbour model: 2025 or 2021 (default: 2025).", valueName: "year"))
    var snModel: NeighbourModelArgument?

    /// The model asked for, or 2025's.
    var model: StatisticalNeighbours.Model { snModel?.model ?? .model2025 }
}

struct NeighbourModelArgument: ExpressibleByArgument, Sendable {
    var model: StatisticalNeighbours.Model
    init(_ model: StatisticalNeighbours.Model) { self.model = model }
    init?(argument: String) {
        guard let m = StatisticalNeighbours.Model(rawValue: argument) else { return nil }
        model = m
    }
    var defaultValueDescription: String { model.rawValue }
}

/// A census year given as 2025 or 2024-25.
struct CensusYearArgument: ExpressibleByArgument, Sendable {
    var year: Int
    init?(argument: String) {
        if let y = Int(argument), (2000...2100).contains(y) {
            year = y
            return
        }
        let parts = argument.split(separator: "-")
        guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]), (first + 1) % 100 == second % 100 else { return nil }
        year = first + 1
    }
}
