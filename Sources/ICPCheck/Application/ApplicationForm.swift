/// The optional `application.json` of an application folder: form data and declared roles.
/// Every field is optional; unknown fields are ignored.
struct ApplicationForm: Codable, Sendable, Equatable {
    var subject: Subject?
    var administrator: Person?
    var websites: [Website]?
    /// File path (relative to the application folder) → declared role.
    var materials: [String: String]?

    init(subject: Subject? = nil, administrator: Person? = nil, websites: [Website]? = nil, materials: [String: String]? = nil) {
        self.subject = subject
        self.administrator = administrator
        self.websites = websites
        self.materials = materials
    }

    struct Subject: Codable, Sendable, Equatable {
        /// `enterprise`, `government`, `institution`, `social_group`, … (entities) or `individual`.
        var type: String?
        /// Province, in English or Chinese.
        var region: String?
        var name: String?
        /// Unified social credit code (entities) or resident ID number (individuals).
        var documentNumber: String?
        var documentAddress: String?
        var mailingAddress: String?

        init(type: String? = nil, region: String? = nil, name: String? = nil, documentNumber: String? = nil,
                    documentAddress: String? = nil, mailingAddress: String? = nil) {
            self.type = type
            self.region = region
            self.name = name
            self.documentNumber = documentNumber
            self.documentAddress = documentAddress
            self.mailingAddress = mailingAddress
        }

        enum CodingKeys: String, CodingKey {
            case type, region, name
            case documentNumber = "document_number"
            case documentAddress = "document_address"
            case mailingAddress = "mailing_address"
        }

        /// Individuals are people; every other subject type is an entity.
        var isIndividual: Bool {
            guard let type = type?.lowercased() else { return false }
            return Self.individualTypes.contains(type)
        }

        /// False for a type the form gives that names neither a person nor a kind of entity (a typo
        /// such as "indivdual", which would otherwise be checked as an entity without a word).
        var hasKnownType: Bool {
            guard let type = type?.lowercased() else { return true }
            return Self.individualTypes.contains(type) || Self.entityTypes.contains(type)
        }

        static let individualTypes: Set<String> = ["individual", "person", "personal", "个人"]
        /// The kinds of entity MIIT's filing system lists, in English and Chinese.
        static let entityTypes: Set<String> = [
            "enterprise", "company", "entity", "organisation", "organization", "government", "institution",
            "public_institution", "social_organization", "企业", "单位", "政府机关", "事业单位", "社会团体",
            "民办非企业单位", "基金会", "律师执业机构",
        ]
    }

    struct Person: Codable, Sendable, Equatable {
        var name: String?
        var idNumber: String?

        enum CodingKeys: String, CodingKey {
            case name
            case idNumber = "id_number"
        }
    }

    struct Website: Codable, Sendable, Equatable {
        var name: String?
        var domains: [String]?
        /// Kinds of content that need pre-approval (news, publishing, medicine, …); empty when none.
        var preApproval: [String]?

        init(name: String? = nil, domains: [String]? = nil, preApproval: [String]? = nil) {
            self.name = name
            self.domains = domains
            self.preApproval = preApproval
        }

        enum CodingKeys: String, CodingKey {
            case name, domains
            case preApproval = "pre_approval"
        }
    }
}
