/// Compares what was read on an application's documents with its form and with each other: a
/// licence of another company, an ID card of another person, a wrong number or a misspelt name
/// on the form. Numbers count only with their check characters right on both sides (what was read
/// always has them; the form's are checked here), names only when read sure enough.
struct ReadingCrossCheck {
    let form: ApplicationForm?
    let isIndividual: Bool
    let rules: ReadingRules

    /// `files` with the cross-check findings added to the files they were read on.
    func check(_ files: [FileReport]) -> [FileReport] {
        var files = files
        checkCreditCodes(&files)
        checkIDNumbers(&files)
        checkNames(&files)
        return files
    }

    private enum Kind { case licence, statement, idCard, domain }

    /// What a file is, for comparing: by its role, else by the title read on it.
    private func kind(of file: FileReport) -> Kind? {
        switch file.role {
        case .subjectCertificate:
            let title = file.reading?.title
            return title == .idCardFront || title == .idCardBack ? .idCard : .licence
        case .authenticityStatement: return .statement
        case .idCardFront, .idCardBack, .idCardBothSides: return .idCard
        case .domainCertificate: return .domain
        default: return nil
        }
    }

    private func checkCreditCodes(_ files: inout [FileReport]) {
        let formCode = isIndividual ? nil : form?.subject?.documentNumber.flatMap(Self.normalised)
            .flatMap { CheckCharacters.isValidCreditCode($0) ? $0 : nil }
        // Without a form, the licence is what the other documents are compared with.
        let licenceCode = files.first { kind(of: $0) == .licence && $0.reading?.creditCodes.count == 1 }?.reading?.creditCodes.first
        guard let reference = formCode ?? licenceCode else { return }
        let (source, sourceZh) = formCode != nil ? ("on the form", "表单中") : ("on the business licence", "营业执照上")
        for index in files.indices where [.licence, .statement].contains(kind(of: files[index])) {
            guard let codes = files[index].reading?.creditCodes, let read = codes.first, !codes.contains(reference) else { continue }
            files[index].findings.append(.creditCodeMismatch(read: read, expected: reference, source: source, sourceZh: sourceZh))
        }
    }

    private func checkIDNumbers(_ files: inout [FileReport]) {
        var formNumbers: [String] = []
        if let number = form?.administrator?.idNumber.flatMap(Self.normalised), CheckCharacters.isValidResidentID(number) {
            formNumbers.append(number)
        }
        if isIndividual, let number = form?.subject?.documentNumber.flatMap(Self.normalised), CheckCharacters.isValidResidentID(number),
           !formNumbers.contains(number) {
            formNumbers.append(number)
        }
        // Without a form, an ID card is compared with the numbers on the statement.
        let statementNumbers = files.filter { kind(of: $0) == .statement }.flatMap { $0.reading?.idNumbers ?? [] }
        let (reference, source, sourceZh) = formNumbers.isEmpty
            ? (statementNumbers, "on the statement", "核验单上") : (formNumbers, "on the form", "表单中")
        guard !reference.isEmpty else { return }
        for index in files.indices {
            let kind = kind(of: files[index])
            guard kind == .idCard || (kind == .statement && !formNumbers.isEmpty),
                  let numbers = files[index].reading?.idNumbers, let read = numbers.first,
                  // A statement may also list a legal representative: one number the form knows is enough.
                  !numbers.contains(where: reference.contains) else { continue }
            files[index].findings.append(.idNumberMismatch(read: read, expected: reference, source: source, sourceZh: sourceZh))
        }
    }

    private func checkNames(_ files: inout [FileReport]) {
        let subjectName = form?.subject?.name.map(Self.normalisedName)
        let administratorName = form?.administrator?.name.map(Self.normalisedName)
        let personNames = [administratorName, isIndividual ? subjectName : nil].compactMap { $0 }.filter { !$0.isEmpty }
        for index in files.indices {
            guard let reading = files[index].reading, let kind = kind(of: files[index]) else { continue }
            var comparisons: [(key: String, expected: [String])] = []
            switch kind {
            case .idCard: comparisons.append(("holder", personNames))
            case .licence, .domain: comparisons.append(("subject", [subjectName].compactMap { $0 }))
            case .statement:
                // A statement is filled in from the form: its names say nothing the form does not.
                continue
            }
            for (key, expected) in comparisons where !expected.isEmpty && !expected.contains(where: \.isEmpty) {
                guard let read = reading.names[key].map(Self.normalisedName), let confidence = reading.nameConfidence[key],
                      confidence >= rules.minNameConfidence,
                      // A name read in part (a line cut short) is not another name.
                      !expected.contains(where: { $0.contains(read) || read.contains($0) }) else { continue }
                files[index].findings.append(.nameMismatch(
                    read: read, expected: expected[0], confidence: confidence, source: "on the form", sourceZh: "表单中"))
            }
        }
    }

    private static func normalised(_ number: String) -> String? {
        let trimmed = number.filter { !$0.isWhitespace }.uppercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Names compare without spaces, with full-width brackets as ASCII ones.
    static func normalisedName(_ name: String) -> String { ReadPage.compact(name) }
}
