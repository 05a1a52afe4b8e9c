import ArgumentParser
import Foundation
import ICPCheck

struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows everything measured about single files.",
        discussion: "Exit status: 0 when no file has an error finding, 1 when one has, 2 on a usage error."
    )

    @Argument(help: "Image files to inspect.")
    var files: [String]

    @Flag(help: "Print one JSON array of file reports (the manifest's files[] shape).")
    var json = false

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Decode JPEGs and PNGs to at least this long side, in pixels (0 = full size).")
    var workingSize = 1024

    @OptionGroup var readingOptions: ReadingOptions

    @Flag(help: "Add every line read on pages and cards (reading.lines), for a person to look at.")
    var text = false

    @Option(help: ArgumentHelp("Judge every file as this material, with its rules and findings.", valueName: "role"))
    var role: MaterialRoleChoice?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file.") }
        if workingSize < 0 { throw ValidationError("--working-size must be 0 or more.") }
    }

    func run() async throws {
        let options = InspectOptions(workingLongSide: workingSize == 0 ? nil : workingSize)
        let reading = FileBatch.FileReading(
            mode: readingOptions.read.mode, keepLines: text, role: role?.role, asOf: try readingOptions.day() ?? Date())
        let reports = await FileBatch.inspect(paths: files, options: options, rules: try ruleOptions.load(), reading: reading)
        if json {
            FileHandle.standardOutput.write(try ManifestJSON.encode(reports))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(reports.map(ReportText.render).joined(separator: "\n").utf8))
        }
        if reports.contains(where: { $0.worstSeverity == .error }) { throw ExitCode(1) }
    }
}

/// `--role`'s values: the material roles a file can be judged as.
struct MaterialRoleChoice: ExpressibleByArgument {
    let role: MaterialRole

    init?(argument: String) {
        guard let role = MaterialRole(rawValue: argument), role != .unknown else { return nil }
        self.role = role
    }

    static var allValueStrings: [String] { MaterialRole.allCases.filter { $0 != .unknown }.map(\.rawValue) }
}
