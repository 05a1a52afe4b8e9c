import CSQLite
import Foundation
import Synchronization

/// File reports of earlier runs, in one SQLite file, by a key that names everything a report
/// depends on (`ReportCacheKey`): a file that is unchanged under unchanged rules, tool and context
/// is not decoded or measured again. Each report is stored in its own transaction as soon as it is
/// made, so a killed run leaves every report it finished. A file SQLite cannot read as a database,
/// or whose check fails, is set aside (renamed) and a new one started: a cache is never trusted
/// over a check.
final class ReportCache: Sendable {
    /// Where the cache is; where a damaged one was moved to, if one was.
    let path: String
    let setAside: String?
    private let connection: Mutex<Connection>
    private let counts = Mutex((hits: 0, misses: 0))

    /// The database handle, used under the mutex only.
    private struct Connection: @unchecked Sendable {
        var handle: OpaquePointer?
    }

    /// Entries not used for this many days are removed when a run ends: a cache holds what recent
    /// runs checked, not every file it ever saw.
    static let keptDays = 30

    /// Opens (or creates) the cache at `path`; a damaged file there is moved aside first.
    /// - Throws: `ICPCheckError` (`output.write_failed`) when no cache can be made at `path`.
    init(path: String) throws(ICPCheckError) {
        self.path = path
        var moved: String?
        var handle = Self.open(path)
        if handle == nil || !Self.isSound(handle) {
            sqlite3_close(handle)
            let damaged = path + ".damaged-\(Int(Date().timeIntervalSince1970))"
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                if (try? FileManager.default.moveItem(atPath: path + suffix, toPath: damaged + suffix)) != nil, suffix.isEmpty { moved = damaged }
            }
            handle = Self.open(path)
        }
        guard let handle, Self.isSound(handle) else {
            sqlite3_close(handle)
            throw ICPCheckError(code: .outputWriteFailed, message: "The report cache cannot be created.", messageZh: "无法创建检查结果缓存。",
                                path: path)
        }
        setAside = moved
        connection = Mutex(Connection(handle: handle))
    }

    deinit {
        _ = connection.withLock { sqlite3_close($0.handle) }
    }

    /// How many reports were found and how many were not, so far.
    var statistics: (hits: Int, misses: Int) { counts.withLock { $0 } }

    /// The report stored under `key`; nil when there is none or it cannot be read back.
    func report(for key: String) -> FileReport? {
        let data: Data? = connection.withLock { connection in
            let found = Self.blob(connection.handle, "SELECT report FROM reports WHERE key = ?1", key)
            // Marked as used only when found: a file not found is stored, with the day, once checked.
            if found != nil { Self.run(connection.handle, "UPDATE reports SET used_day = ?2 WHERE key = ?1", key, Self.today) }
            return found
        }
        let record = data.flatMap { try? JSONDecoder().decode(Record.self, from: $0) }
        counts.withLock { record == nil ? ($0.misses += 1) : ($0.hits += 1) }
        return record?.restored
    }

    /// Stores `report` under `key` (a failure to store is no failure of the check: the file is
    /// checked again next time).
    func store(_ report: FileReport, for key: String) {
        guard let data = try? JSONEncoder().encode(Record(report)) else { return }
        connection.withLock { connection in
            Self.run(connection.handle, "INSERT OR REPLACE INTO reports (key, report, used_day) VALUES (?1, ?2, ?3)", key, data, Self.today)
        }
    }

    /// Removes the entries no run used for `keptDays`.
    func removeStale() {
        connection.withLock { connection in
            Self.run(connection.handle, "DELETE FROM reports WHERE used_day < ?1", Self.today - Self.keptDays)
        }
    }

    // MARK: SQLite

    /// A report as stored: with what the manifest leaves out and later stages use (how sure each
    /// name read is, for the cross-check against the form).
    private struct Record: Codable {
        var report: FileReport
        var nameConfidence: [String: Double]?

        init(_ report: FileReport) {
            self.report = report
            nameConfidence = report.reading?.nameConfidence
        }

        var restored: FileReport {
            var report = report
            if let nameConfidence { report.reading?.nameConfidence = nameConfidence }
            return report
        }
    }

    private static var today: Int { Int(Date().timeIntervalSince1970 / 86_400) }

    private static func open(_ path: String) -> OpaquePointer? {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else {
            sqlite3_close(handle)
            return nil
        }
        // Another run sharing the cache (`--cache PATH`) may hold it for a moment.
        sqlite3_busy_timeout(handle, 10_000)
        // Write-ahead logging: a killed run loses at most the report it was writing, never the file.
        for statement in [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
            "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, report BLOB NOT NULL, used_day INTEGER NOT NULL)",
        ] where sqlite3_exec(handle, statement, nil, nil, nil) != SQLITE_OK {
            sqlite3_close(handle)
            return nil
        }
        return handle
    }

    /// Whether SQLite finds the database sound (`quick_check`, which reads every page).
    private static func isSound(_ handle: OpaquePointer?) -> Bool {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "PRAGMA quick_check", -1, &statement, nil) == SQLITE_OK else { return false }
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return false }
        return String(cString: text) == "ok"
    }

    private static func prepared(_ handle: OpaquePointer?, _ sql: String, _ values: [any Sendable]) -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
        // SQLite copies what is bound (its SQLITE_TRANSIENT, a macro Swift cannot import).
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case let text as String: sqlite3_bind_text(statement, position, text, -1, transient)
            case let number as Int: sqlite3_bind_int64(statement, position, Int64(number))
            case let data as Data:
                data.withUnsafeBytes { _ = sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), transient) }
            default: break
            }
        }
        return statement
    }

    private static func run(_ handle: OpaquePointer?, _ sql: String, _ values: any Sendable...) {
        let statement = prepared(handle, sql, values)
        defer { sqlite3_finalize(statement) }
        _ = sqlite3_step(statement)
    }

    private static func blob(_ handle: OpaquePointer?, _ sql: String, _ values: any Sendable...) -> Data? {
        let statement = prepared(handle, sql, values)
        defer { sqlite3_finalize(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW, let bytes = sqlite3_column_blob(statement, 0) else { return nil }
        return Data(bytes: bytes, count: Int(sqlite3_column_bytes(statement, 0)))
    }
}
