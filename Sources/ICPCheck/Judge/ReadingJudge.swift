import Foundation

/// Judges what was read on one file: a title that gives an unnamed file its role or contradicts
/// the role it was given, and a validity period that has ended or ends too soon. Comparing the
/// numbers and names with the form and the other documents is the application's (`ReadingCrossCheck`).
struct ReadingJudge {
    let rules: ReadingRules
    /// The day validity is counted from (`--as-of`, else the day of the check).
    let asOf: Date

    /// A card or licence is valid through the day its period ends: with fewer days left than
    /// this (0, that day itself), it has expired. A fact of the calendar, not a rule.
    static let lastValidDay = 0

    /// The role the title says, for a file with none (`role_source: content`).
    func role(from reading: Reading?) -> MaterialRole? { reading?.title?.role }

    func findings(for reading: Reading, role: MaterialRole, isIndividual: Bool?) -> [Finding] {
        var found: [Finding] = []
        if reading.error != nil { return [.readingUnavailable(reading.error!)] }
        if let title = reading.title, !Self.fits(title, role: role, isIndividual: isIndividual) {
            found.append(.titleMismatch(role: role, title: title))
        }
        let validityRoles: Set<MaterialRole> = [.idCardBack, .idCardBothSides, .subjectCertificate]
        let validityTitles: Set<DocumentTitle> = [.idCardBack, .businessLicence]
        if validityRoles.contains(role) || reading.title.map(validityTitles.contains) == true,
           let until = reading.validUntil, until != Reading.longTerm, let days = Self.days(from: asOf, until: until) {
            let title = reading.title ?? (role == .subjectCertificate ? .businessLicence : .idCardBack)
            if days < Self.lastValidDay {
                found.append(.expired(until: until, days: days, title: title))
            } else if days < rules.minValidityDays {
                found.append(.expiresSoon(until: until, days: days, limit: rules.minValidityDays, title: title))
            }
        }
        if let signed = reading.signedOn, let title = reading.title, DocumentFields.datedLetters.contains(title),
           let days = Self.days(from: asOf, until: signed).map({ -$0 }), days > rules.maxLetterAgeDays {
            found.append(.letterTooOld(signed: signed, days: days, limit: rules.maxLetterAgeDays, title: title))
        }
        return found
    }

    /// Whether a page with `title` may serve as `role`. An individual's subject certificate is their
    /// ID card; a sheet of both sides shows either side's labels.
    static func fits(_ title: DocumentTitle, role: MaterialRole, isIndividual: Bool?) -> Bool {
        switch role {
        case .subjectCertificate:
            return title == .businessLicence || (isIndividual != false && (title == .idCardFront || title == .idCardBack))
        case .idCardBothSides: return title == .idCardFront || title == .idCardBack
        case .authenticityStatement, .idCardFront, .idCardBack, .domainCertificate, .authorizationLetter:
            return title.role == role
        case .administratorPhoto, .handheldIDPhoto, .preApproval, .residencePermit, .other, .unknown:
            return true
        }
    }

    /// The Gregorian calendar in China's time (UTC+8): the day a date falls on there.
    static let chinaCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()

    /// The year of `date` in China.
    static func year(of date: Date) -> Int { chinaCalendar.component(.year, from: date) }

    /// Whole days from the calendar day of `date` in China (UTC+8) to `until` (`YYYY-MM-DD`).
    static func days(from date: Date, until: String) -> Int? {
        let parts = until.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let today = chinaCalendar.dateComponents([.year, .month, .day], from: date)
        guard let year = today.year, let month = today.month, let day = today.day else { return nil }
        return civilDay(parts[0], parts[1], parts[2]) - civilDay(year, month, day)
    }

    /// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's days_from_civil).
    static func civilDay(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
