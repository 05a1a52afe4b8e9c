import ArgumentParser
import Foundation
import ICPCheck

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Self-check of one application folder: what to fix before submitting, and why.",
        discussion: """
            Exit status: 0 when the application is ready, 1 when it is not ready or needs review for a \
            warning (with --fail-on error: only when it is not ready), 2 on a usage or fatal error.
            """
    )

    @Argument(help: "The application folder (materials, and optionally application.json).")
    var application: String

    @Flag(help: "Print the manifest (JSON) instead of the checklist.")
    var json = false

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var readingOptions: ReadingOptions

    @Option(help: "Language of the checklist.")
    var lang: Language = .zh

    @Option(name: .customLong("fail-on"), help: FailOnChoice.help)
    var failOn: FailOnChoice = .warning

    @Option(help: ArgumentHelp("Also write the review page: one HTML file with thumbnails and what was found on them.", valueName: "file"))
    var html: String?

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: application, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(application)' is not a folder.")
        }
    }

    func run() async throws {
        let options = CheckOptions(rules: try ruleOptions.load(), read: readingOptions.read.mode, asOf: try readingOptions.day())
        let folder = ApplicationFolder(path: application)
        let manifest = if let html {
            try await ApplicationChecker.check(folder, options: options, writingPageTo: html)
        } else {
            await ApplicationChecker.check(folder, options: options)
        }
        if json {
            FileHandle.standardOutput.write(try ManifestJSON.encode(manifest))
        } else {
            print(ChecklistText.render(manifest, language: lang, style: .standardOutput()))
            if let html { print((lang == .zh ? "审核页面：" : "Review page: ") + html) }
        }
        if failOn.value.fails(manifest.verdict) { throw ExitCode(1) }
    }
}
