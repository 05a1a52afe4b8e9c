/// A count with its noun in English: `1 day`, `2 days` (Chinese needs no plural).
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
