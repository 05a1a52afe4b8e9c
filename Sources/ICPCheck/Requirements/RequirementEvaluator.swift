/// Turns an application's facts and its checked files into requirement statuses and a verdict.
struct RequirementEvaluator {
    let facts: ApplicationFacts

    func requirements(for files: [FileReport]) -> [Requirement] {
        func paths(_ roles: Set<MaterialRole>) -> [FileReport] { files.filter { $0.role.map(roles.contains) ?? false } }
        let idRoles: Set<MaterialRole> = [.idCardFront, .idCardBack, .idCardBothSides]
        let idFiles = paths(idRoles)
        let roles = Set(idFiles.compactMap(\.role))
        let bothSides = roles.contains(.idCardBothSides) || (roles.contains(.idCardFront) && roles.contains(.idCardBack))

        var result: [Requirement] = []
        var statement = requirement(.authenticityStatement, required: true, files: paths([.authenticityStatement]))
        statement.form = facts.statementForm
        result.append(statement)
        // An individual's subject document is the person's ID card.
        let certificates = paths([.subjectCertificate])
        let subjectFiles = facts.isIndividual && certificates.isEmpty && bothSides ? idFiles : certificates
        result.append(requirement(.subjectCertificate, required: true, files: subjectFiles))
        var administrator = requirement(.administratorID, required: true, files: idFiles)
        if !idFiles.isEmpty && !bothSides {
            let missing: MaterialRole = roles.contains(.idCardFront) ? .idCardBack : .idCardFront
            administrator.findings.append(.idSideMissing(missing))
            administrator.status = .fail
        }
        result.append(administrator)
        result.append(requirement(.administratorPhoto, required: !facts.photoNotApplicable, files: paths([.administratorPhoto])))
        result.append(requirement(.domainCertificate, required: facts.domainCertificateRequired, files: paths([.domainCertificate])))
        result.append(requirement(.preApproval, required: facts.needsPreApproval, files: paths([.preApproval])))
        return result
    }

    private func requirement(_ id: Requirement.ID, required: Bool, files: [FileReport]) -> Requirement {
        var requirement = Requirement(
            id: id, required: required, present: !files.isEmpty, status: .pass, files: files.map(\.path), findings: [])
        let worst = files.flatMap(\.findings).map(\.severity).max()
        if files.isEmpty {
            requirement.status = required ? .fail : .notApplicable
            if required { requirement.findings.append(.requirementMissing(id, facts: facts)) }
        } else if worst == .error {
            requirement.status = .fail
        } else if worst == .warning {
            requirement.status = .warn
        }
        return requirement
    }

    /// `not_ready` when a required material is missing or failing, or anything has an error (files
    /// of unknown role only count as warnings); `needs_review` when only warnings; else `ready`.
    static func verdict(requirements: [Requirement], files: [FileReport], findings: [Finding]) -> Verdict {
        var worst = findings.map(\.severity).max() ?? .info
        if requirements.contains(where: { $0.required && $0.status == .fail }) { worst = .error }
        for file in files {
            guard let fileWorst = file.worstSeverity else { continue }
            let counts = file.role != .unknown && file.role != .other
            worst = max(worst, counts ? fileWorst : min(fileWorst, .warning))
        }
        switch worst {
        case .error: return .notReady
        case .warning: return .needsReview
        case .info: return .ready
        }
    }
}

extension Finding {
    static func requirementMissing(_ id: Requirement.ID, facts: ApplicationFacts) -> Finding {
        let individual = facts.isIndividual
        let sealed = (individual ? "" : " and stamped with the red official seal", individual ? "" : "，加盖单位红色公章")
        let (english, chinese): (String, String) =
            switch id {
            case .authenticityStatement:
                switch facts.statementForm {
                case .either:
                    ("the authenticity statement (or its successor, the commitment letter “承诺书” or “告知书”), filled in with a black pen and signed"
                        + sealed.0, "网站备案信息真实性核验单（或承诺书/告知书），须用黑色笔填写并签字" + sealed.1)
                case .authenticityStatement:
                    ("the authenticity statement (“网站备案信息真实性核验单”), filled in with a black pen and signed" + sealed.0,
                     "网站备案信息真实性核验单，须用黑色笔填写并签字" + sealed.1)
                case .commitmentLetter:
                    ("the commitment letter (“承诺书”) this provider or province asks for, handwritten in black ink and signed" + sealed.0,
                     "服务商或本省要求的备案承诺书，须用黑色笔手写并签字" + sealed.1)
                }
            case .subjectCertificate:
                individual ? ("the subject's ID card (both sides)", "主体身份证（正反面）")
                    : ("the business licence or organisation certificate", "营业执照或单位证件")
            case .administratorID: ("the website administrator's ID card, both sides", "网站负责人身份证正反面")
            case .administratorPhoto: PhotoBackground.missingPhoto(accepting: facts.photoBackgrounds)
            case .domainCertificate: ("the domain certificate, which this province asks for", "本省要求提供的域名证书")
            case .preApproval: ("the pre-approval documents for the declared content", "所申报内容的前置审批文件")
            }
        return Finding(
            code: FindingCode.requirementMissing, severity: .error,
            message: "Missing: \(english). Add it to the application folder.",
            messageZh: "缺少：\(chinese)，请补充到申请文件夹中。", detail: id.rawValue)
    }

    static func idSideMissing(_ side: MaterialRole) -> Finding {
        Finding(
            code: FindingCode.idSideMissing, severity: .error,
            message: "Only one side of the ID card is there; add the \(side.englishName) (name it e.g. idcard_\(side == .idCardFront ? "front" : "back").jpg).",
            messageZh: "身份证只有一面，请补充\(side.chineseName)（文件名如“身份证\(side == .idCardFront ? "正面" : "反面").jpg”）。",
            detail: side.rawValue)
    }
}
