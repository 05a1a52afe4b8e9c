/// What a file is for in an application (the manifest's `role`).
public enum MaterialRole: String, Codable, Sendable, CaseIterable {
    case authenticityStatement = "authenticity_statement"
    case subjectCertificate = "subject_certificate"
    case idCardFront = "id_card_front"
    case idCardBack = "id_card_back"
    /// Both sides of an ID card in one image, stacked (providers accept this).
    case idCardBothSides = "id_card_both_sides"
    case administratorPhoto = "administrator_photo"
    case handheldIDPhoto = "handheld_id_photo"
    case domainCertificate = "domain_certificate"
    case preApproval = "pre_approval"
    case authorizationLetter = "authorization_letter"
    case residencePermit = "residence_permit"
    case other
    case unknown

    /// Photos of people, which get the EXIF photo checks.
    var isPhotoOfPerson: Bool { self == .administratorPhoto || self == .handheldIDPhoto }
}

/// Where a file's role came from (the manifest's `role_source`).
public enum RoleSource: String, Codable, Sendable {
    case declared
    case filename
    case content
}
