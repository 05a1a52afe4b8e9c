/// Gives every file of an application its role: declared in `application.json`, else from its
/// name; ID cards whose side the name does not tell fill the sides still missing.
struct RoleAssignment {
    struct Assigned: Sendable {
        var role: MaterialRole
        var source: RoleSource?
        var findings: [Finding] = []
    }

    /// Declared or named roles, one per file, in the order of `paths`.
    static func assign(paths: [String], declared: [String: String], naming: RoleNaming) -> (
        [Assigned], applicationFindings: [Finding]
    ) {
        var applicationFindings: [Finding] = []
        var sideless: [Int] = []
        var assigned: [Assigned] = paths.enumerated().map { index, path in
            if let text = declared[path] {
                if text == "id_card" { return Assigned(role: .idCardBothSides, source: .declared) }
                if let role = MaterialRole(rawValue: text) { return Assigned(role: role, source: .declared) }
                applicationFindings.append(.declaredRoleInvalid(path: path, role: text))
            }
            switch naming.guess(fileName: path) {
            case .role(let role): return Assigned(role: role, source: .filename)
            case .idCard(front: true): return Assigned(role: .idCardFront, source: .filename)
            case .idCard(front: false): return Assigned(role: .idCardBack, source: .filename)
            case .idCard(front: nil):
                sideless.append(index)
                return Assigned(role: .idCardBothSides, source: .filename)
            case nil:
                return Assigned(role: .unknown, source: nil, findings: [.roleUnknown(path)])
            }
        }
        for path in declared.keys.sorted() where !paths.contains(path) {
            applicationFindings.append(.declaredFileMissing(path))
        }
        // An ID card named without a side: one alone is taken for both sides stacked in one image;
        // otherwise each takes a side that no other file shows.
        var sides = Set(assigned.map(\.role))
        if !(sideless.count == 1 && !sides.contains(.idCardFront) && !sides.contains(.idCardBack)) {
            for index in sideless {
                let side: MaterialRole = sides.contains(.idCardFront) ? .idCardBack : .idCardFront
                assigned[index].role = side
                sides.insert(side)
            }
        }
        for index in sideless { assigned[index].findings.append(.idSideAssumed(assigned[index].role)) }
        return (assigned, applicationFindings)
    }
}

extension Finding {
    static func roleUnknown(_ path: String) -> Finding {
        Finding(
            code: FindingCode.roleUnknown, severity: .warning,
            message: "icpcheck cannot tell which material '\(path)' is; name it after its content (statement, license,"
                + " idcard_front, idcard_back, photo, domain …) or declare it in application.json.",
            messageZh: "无法判断“\(path)”是哪项材料，请按内容命名（如 核验单、营业执照、身份证正面、身份证反面、幕布照片、域名证书）"
                + "或在 application.json 中声明。")
    }

    static func declaredRoleInvalid(path: String, role: String) -> Finding {
        Finding(
            code: FindingCode.declaredRoleInvalid, severity: .warning,
            message: "application.json gives '\(path)' the role '\(role)', which is not a known role; its name was used instead.",
            messageZh: "application.json 为“\(path)”声明的材料类型“\(role)”无效，已改为根据文件名判断。")
    }

    static func declaredFileMissing(_ path: String) -> Finding {
        Finding(
            code: FindingCode.declaredFileMissing, severity: .warning,
            message: "application.json lists '\(path)', but the folder has no such file.",
            messageZh: "application.json 中列出了“\(path)”，但文件夹中没有该文件。")
    }

    static func idSideAssumed(_ role: MaterialRole) -> Finding {
        Finding(
            code: FindingCode.idSideAssumed, severity: .info,
            message: "The name does not say which side of the ID card this is; taken as the \(role.englishName).",
            messageZh: "文件名未注明身份证哪一面，按\(role.chineseName)处理。")
    }
}
