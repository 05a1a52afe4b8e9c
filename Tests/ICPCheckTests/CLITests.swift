import ArgumentParser
import Foundation
import ICPCheck
import Testing

@testable import icpcheck

/// The command line's contract: exit codes and output shapes (DESIGN.md).
@Suite struct CLITests {
    @Test func parsesInspectArguments() throws {
        let command = try Inspect.parse(["a.jpg", "b.png", "--json", "--working-size", "0"])
        #expect(command.files == ["a.jpg", "b.png"])
        #expect(command.json)
        #expect(command.workingSize == 0)
        #expect(throws: (any Error).self) { try Inspect.parse([]) }
        #expect(throws: (any Error).self) { try Inspect.parse(["a.jpg", "--working-size", "-1"]) }
    }

    @Test func usageErrorsExitWithTwo() async {
        await #expect(processExitsWith: .exitCode(2)) {
            await ICPCheckCommand.main(["inspect", "--no-such-flag", "a.jpg"])
        }
        await #expect(processExitsWith: .exitCode(2)) {
            await ICPCheckCommand.main(["inspect"])
        }
        await #expect(processExitsWith: .exitCode(2)) {
            await ICPCheckCommand.main(["no-such-command"])
        }
    }

    @Test func exitCodeSaysWhetherAFileHasAnErrorFinding() async {
        await #expect(processExitsWith: .exitCode(0)) {
            await ICPCheckCommand.main(["inspect", Corpus.url("jpeg/ljt_testorig.jpg").path])
        }
        await #expect(processExitsWith: .exitCode(1)) {
            await ICPCheckCommand.main([
                "inspect", Corpus.url("jpeg/ljt_testorig.jpg").path, Corpus.url("png/pngsuite/xcrn0g04.png").path,
            ])
        }
        await #expect(processExitsWith: .exitCode(0)) {
            await ICPCheckCommand.main(["--help"])
        }
    }

    @Test func jsonOutputIsOneArrayInInputOrder() async throws {
        let paths = [Corpus.url("exif/Canon_40D.jpg").path, "/nonexistent/file.jpg"]
        let result = await #expect(processExitsWith: .exitCode(1), observing: [\.standardOutputContent]) {
            await ICPCheckCommand.main(["inspect", "--json", Corpus.url("exif/Canon_40D.jpg").path, "/nonexistent/file.jpg"])
        }
        let output = try #require(result?.standardOutputContent)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(output)) as? [[String: Any]])
        #expect(array.map { $0["path"] as? String } == paths)
    }

    /// `--version` and the manifests' `tool_version` must name the same release, or a reviewer cannot
    /// tell which build wrote a manifest.
    @Test func versionIsTheManifestsToolVersion() throws {
        let result = try BatchTests.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == ICPCheckVersion.current)
    }
}
