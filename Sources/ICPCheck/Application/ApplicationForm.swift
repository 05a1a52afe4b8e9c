/// The optional `application.json` of an application folder: form data and declared roles.
/// Every field is optional; unknown fields are ignored.
public struct ApplicationForm: Codable, Sendable, Equatable {
    public var subject: Subject?
    public var administrator: Person?
    public var websites: [Website]?
    /// File path (relative to the application folder) → declared role.
    public var materials: [String: String]?

    public init(subject: Subject? = nil, administrator: Person? = nil, websites: [Website]? = nil, materials: [String: String]? = nil) {
        self.subject = subject
        self.administrator = administrator
        self.websites = websites
        self.materials = materials
    }

    public struct Subject: Codable, Sendable, Equatable {
        /// `enterprise`, `government`, `institution`, `social_group`, … (entities) or `individual`.
        public var type: String?
        /// Province, in English or Chinese.
        public var region: String?
        public var name: String?
        /// Unified social credit code (entities) or resident ID number (individuals).
        public var documentNumber: String?
        public var documentAddress: String?
        public var mailingAddress: String?

        public init(type: String? = nil, region: String? = nil, name: String? = nil, documentNumber: String? = nil,
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
        public var isIndividual: Bool {
            guard let type = type?.lowercased() else { return false }
            return ["individual", "person", "personal", "个人"].contains(type)
        }
    }

    public struct Person: Codable, Sendable, Equatable {
        public var name: String?
        public var idNumber: String?

        enum CodingKeys: String, CodingKey {
            case name
            case idNumber = "id_number"
        }
    }

    public struct Website: Codable, Sendable, Equatable {
        public var name: String?
        public var domains: [String]?
        /// Kinds of content that need pre-approval (news, publishing, medicine, …); empty when none.
        public var preApproval: [String]?

        public init(name: String? = nil, domains: [String]? = nil, preApproval: [String]? = nil) {
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
