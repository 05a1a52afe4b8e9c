import Glibc

/// Monotonic time in seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Prints a fatal message to stderr and exits with 2.
func fail(_ message: String) -> Never {
    writeAll(STDERR_FILENO, "icpcheck-bench: error: \(message)\n")
    exit(2)
}

/// Progress for the person waiting, on stderr so stdout holds only the figures.
func note(_ message: String) {
    writeAll(STDERR_FILENO, "  … \(message)\n")
}

/// Writes straight to the descriptor: no stdio buffer to flush, no shared `FILE *` to touch.
func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}

/// Finds an executable on PATH, so each timed spawn does not search for it.
func executablePath(_ name: String) -> String? {
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
        let candidate = "\(directory)/\(name)"
        if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
}

/// One external command, prepared once (C argument vector, stdout and stderr sent to /dev/null)
/// so that running it again and again costs only posix_spawn and waitpid.
final class Command {
    let arguments: [String]
    private var argv: [UnsafeMutablePointer<CChar>?]
    private var actions = posix_spawn_file_actions_t()

    init(_ executable: String, _ arguments: [String]) {
        self.arguments = [executable] + arguments
        argv = self.arguments.map { strdup($0) } + [nil]
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }

    deinit {
        posix_spawn_file_actions_destroy(&actions)
        for pointer in argv { free(pointer) }
    }

    /// Runs the command to completion. - Returns: its exit status and the wall time, spawn included.
    @discardableResult
    func run() -> (status: Int32, seconds: Double) {
        let (status, seconds, _) = runMeasured()
        return (status, seconds)
    }

    /// Runs the command to completion.
    /// - Returns: its exit status, the wall time, and the child's peak resident memory in MiB.
    func runMeasured() -> (status: Int32, seconds: Double, peakMiB: Double) {
        var pid = pid_t()
        let start = now()
        let spawned = posix_spawn(&pid, argv[0]!, &actions, nil, &argv, environ)
        guard spawned == 0 else { fail("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { fail("wait4 failed for \(arguments[0])") }
        }
        let seconds = now() - start
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), seconds, Double(usage.ru_maxrss) / 1024)
    }
}

/// The CPUs this process may run on, as the kernel lists them (`0-1`, `1`).
func allowedCPUs() -> String {
    guard let status = readText("/proc/self/status") else { return "?" }
    let line = status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") }
    return line.map { $0.dropFirst("Cpus_allowed_list:".count).trimmingSpaces() } ?? "?"
}

/// The share of all CPUs' time spent busy over `seconds`, from /proc/stat: other work on the
/// machine makes the figures noisier, even with this process pinned.
func busyShare(over seconds: Double) -> Double? {
    func sample() -> (busy: Double, total: Double)? {
        guard let text = readText("/proc/stat"), let first = text.split(separator: "\n").first else { return nil }
        let fields = first.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 5 else { return nil }
        let idle = fields[3] + fields[4]  // idle + iowait
        let total = fields.prefix(8).reduce(0, +)
        return (total - idle, total)
    }
    guard let before = sample() else { return nil }
    usleep(UInt32(seconds * 1e6))
    guard let after = sample(), after.total > before.total else { return nil }
    return (after.busy - before.busy) / (after.total - before.total)
}

func readText(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var text = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, Int32(buffer.count), file) != nil {
        text += buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
    return text
}

/// Peak resident set size of this process, in MiB. (Not of the djpeg children: a child started by
/// posix_spawn shares our memory until it execs, so the kernel counts our pages as its peak too.)
func peakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// glibc's `malloc_trim(0)`: gives the free memory at the top of the heap back to the kernel.
/// `<malloc.h>` is not in Swift's Glibc module, so it is looked up at run time.
func trimHeap() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(nil, "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
}

/// Minor page faults of this process so far (a fault on a fresh anonymous page zeroes 4 KiB).
func minorFaults() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_minflt
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
