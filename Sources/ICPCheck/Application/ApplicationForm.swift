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
            return ["individual", "person", "personal", "个人"].contains(type)
        }
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
