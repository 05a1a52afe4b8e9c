import Foundation

/// What the form data and the rules say about an application before any file is looked at:
/// subject type, province, what is required, and the findings of the form checks.
struct ApplicationFacts: Sendable {
    var isIndividual: Bool
    /// Whether the form says the applicant is an entity (nil without a form's subject).
    var isEntity: Bool?
    var province: Province?
    var domainCount: Int
    var needsPreApproval: Bool
    var photoNotApplicable: Bool
    var domainCertificateRequired: Bool
    /// The statement asked for: the region's commitment letter, else the provider's form.
    var statementForm: StatementForm
    /// The backgrounds the provider's verification photo may show (`photo.backdrop_colors`).
    var photoBackgrounds: [String]
    var findings: [Finding] = []

    /// - Parameter formUnreadable: an `application.json` is there but could not be read (its own
    ///   finding says so; it is not also reported as missing).
    init(form: ApplicationForm?, formUnreadable: Bool = false, rules: Rules) {
        let subject = form?.subject
        isIndividual = subject?.isIndividual ?? false
        isEntity = subject.map { !$0.isIndividual }
        province = (subject?.region ?? rules.regions.defaultRegion).flatMap(Province.named)
        let websites = form?.websites ?? []
        domainCount = Set(websites.flatMap { $0.domains ?? [] }.map { $0.lowercased() }).count
        needsPreApproval = websites.contains { !($0.preApproval ?? []).isEmpty }
        let regions = rules.regions
        let name = province?.name
        photoNotApplicable = name.map(regions.appVerification.contains) ?? false
        let individual = isIndividual, count = domainCount
        let threshold = name.flatMap { regions.domainCertificate[$0] }.flatMap { individual ? $0.individual : $0.entity }
        // A threshold of 1 means always, even when the form lists no domains.
        domainCertificateRequired =
            regions.domainCertificateEverywhere || threshold.map { count >= $0 || $0 <= 1 } ?? false
        statementForm = name.map(regions.commitmentLetter.contains) == true ? .commitmentLetter : rules.provider.statementForm
        photoBackgrounds = rules.photo.backdropColors

        if form == nil {
            if !formUnreadable { findings.append(.assumedDefaults) }
        } else {
            if subject?.type == nil { findings.append(.assumedEntity) }
            if let subject, let type = subject.type, !subject.hasKnownType { findings.append(.subjectTypeUnknown(type)) }
            if let region = subject?.region, province == nil { findings.append(.regionUnknown(region)) }
        }
        if let province {
            let name = province.name
            if regions.appVerification.contains(name) { findings.append(.appVerificationRegion(province)) }
            if regions.smsVerification.contains(name) { findings.append(.smsVerificationRegion(province)) }
            if regions.appUpload.contains(name) { findings.append(.appUploadRegion(province)) }
        }
        if let form { findings += FormChecks(form: form, facts: self, rules: rules).findings() }
    }
}

/// Checks of the form data itself: addresses, numbers with check characters, website names.
private struct FormChecks {
    let form: ApplicationForm
    let facts: ApplicationFacts
    let rules: Rules

    func findings() -> [Finding] {
        var found: [Finding] = []
        let subject = form.subject
        let documentProvince = subject?.documentAddress.flatMap(Province.find(inAddress:))
        let mailingProvince = subject?.mailingAddress.flatMap(Province.find(inAddress:))
        if let documentProvince, let mailingProvince, documentProvince != mailingProvince {
            found.append(.addressProvinceMismatch(document: documentProvince, mailing: mailingProvince))
        }
        if let region = facts.province, let mailingProvince, mailingProvince != region {
            found.append(.regionMismatch(region: region, mailing: mailingProvince))
        }
        if facts.isIndividual, let region = facts.province, let home = documentProvince, home != region {
            let refused = rules.regions.outOfProvinceIndividualsRefused.contains(region.name)
            found.append(refused ? .outOfProvinceRefused(region: region) : .residencePermitNeeded(region: region))
        }
        if let number = subject?.documentNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            let valid = facts.isIndividual ? CheckCharacters.isValidResidentID(number) : CheckCharacters.isValidCreditCode(number)
            if !valid { found.append(facts.isIndividual ? .idNumberInvalid("subject") : .creditCodeInvalid) }
        }
        if let number = form.administrator?.idNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty,
            !CheckCharacters.isValidResidentID(number)
        {
            found.append(.idNumberInvalid("administrator"))
        }
        if facts.isIndividual {
            if facts.needsPreApproval { found.append(.individualPreApproval) }
            for website in form.websites ?? [] {
                guard let name = website.name else { continue }
                let problems = WebsiteNameCheck.problems(name: name, province: facts.province, rules: rules.naming)
                found += problems.map { Finding.websiteName(name, problem: $0) }
            }
        }
        return found
    }
}
