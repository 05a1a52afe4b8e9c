/// Every finding code, by the stage that raises it. The JSON keeps these strings exactly: they are
/// the public contract that tools and tests match on (messages may change, codes never do).
public enum FindingCode: String, Codable, Sendable, CaseIterable {
    // MARK: Format and metadata (probe, EXIF, decode)
    case unreadable = "format.unreadable"
    case empty = "format.empty"
    case fileTooLarge = "format.file_too_large"
    case unsupported = "format.unsupported"
    case extensionMismatch = "format.extension_mismatch"
    case truncated = "format.truncated"
    case corrupt = "format.corrupt"
    case corruptData = "format.corrupt_data"
    case tooManyPixels = "format.too_many_pixels"
    /// A file within the size caps whose decoding would still cost too much memory or time.
    case tooCostly = "format.too_costly"
    case animated = "format.animated"
    case ancillaryChunkWarning = "format.ancillary_chunk_warning"
    case changedWhileReading = "scan.file_changed"
    case exifCorrupt = "exif.corrupt"

    // MARK: The folder scan
    case linkOutside = "scan.link_outside"
    case folderUnreadable = "scan.folder_unreadable"
    case folderTooDeep = "scan.folder_too_deep"
    case nameNotUTF8 = "scan.name_not_utf8"
    /// A FIFO, socket, device or folder where a file was expected; never opened for reading.
    case notRegularFile = "scan.not_regular_file"
    /// An application folder that is a link, or resolves outside the uploads folder; not entered.
    case applicationLink = "scan.application_link"

    // MARK: The uploads folder of a batch (an error of the run)
    /// The uploads folder holds no application folder (it is empty, or holds loose files).
    case noApplications = "batch.no_applications"

    // MARK: Merging a batch's shards (errors of the merge)
    /// A folder given to `merge` holds no shard summary, or one that cannot be read.
    case shardSummaryMissing = "merge.no_shard_summary"
    /// Not every part of the split was given.
    case shardsMissing = "merge.shards_missing"
    /// A part given twice, or parts of different splits, tool versions or profiles.
    case shardsMismatched = "merge.shards_mismatched"

    // MARK: The batch output folder (errors of the run, never findings of a file)
    case outputWriteFailed = "output.write_failed"
    case outputMisplaced = "output.misplaced"
    case outputLocked = "output.locked"

    // MARK: Roles from declarations and file names
    case roleUnknown = "role.unknown"
    case declaredRoleInvalid = "role.declared_invalid"
    case declaredFileMissing = "role.declared_missing"
    case idSideAssumed = "role.id_side_assumed"

    // MARK: The rules' per-file checks
    case formatNotAccepted = "format.not_accepted"
    case fileTooLargeForRole = "file.too_large"
    case fileTooSmall = "file.too_small"
    case imageTooSmall = "image.too_small"
    case imageTooLarge = "image.too_large"
    case lowDPI = "image.low_dpi"
    case notColor = "image.not_color"
    case editedBySoftware = "exif.edited"
    case gpsPresent = "exif.gps_present"
    case thumbnailAspectMismatch = "exif.thumbnail_mismatch"
    case noCameraEXIF = "photo.no_camera_exif"
    case photoTooOld = "photo.too_old"

    // MARK: Photos of people
    case noFace = "photo.no_face"
    case multipleFaces = "photo.multiple_faces"
    case faceNotFrontal = "photo.face_not_frontal"
    case faceTooSmall = "photo.face_too_small"
    case faceTooLarge = "photo.face_too_large"
    case offCentre = "photo.off_centre"
    case headCutOff = "photo.head_cut_off"
    case backdropNotFound = "photo.backdrop_not_found"
    case backdropWrongColour = "photo.backdrop_wrong_colour"
    case backdropNotFillingBackground = "photo.backdrop_not_filling_background"
    case backdropWrinkled = "photo.backdrop_wrinkled"
    case clothingMatchesBackdrop = "photo.clothing_matches_backdrop"
    case underexposed = "photo.underexposed"
    case overexposed = "photo.overexposed"
    case blurry = "photo.blurry"
    case recompressed = "photo.recompressed"
    case thumbnailMismatch = "photo.thumbnail_mismatch"
    case detectorUnavailable = "photo.detector_unavailable"
    case contentMismatch = "role.content_mismatch"

    // MARK: Documents and ID cards
    case sealMissing = "doc.seal_missing"
    case docGreyscale = "doc.greyscale"
    case borderCutOff = "doc.border_cut_off"
    case glare = "doc.glare"
    case docBlurry = "doc.blurry"
    case screenCapture = "doc.screen_capture"
    case inkNotBlack = "doc.ink_not_black"
    case sideways = "doc.sideways"

    // MARK: What was read on pages and cards
    case creditCodeMismatch = "read.credit_code_mismatch"
    case idNumberMismatch = "read.id_number_mismatch"
    case nameMismatch = "read.name_mismatch"
    case expired = "read.expired"
    case expiresSoon = "read.expires_soon"
    case letterTooOld = "read.letter_too_old"
    case titleMismatch = "read.title_mismatch"
    /// Tesseract or its models are missing, so nothing was read.
    case readingUnavailable = "read.unavailable"

    // MARK: The application form and its region
    case assumedDefaults = "application.assumed_defaults"
    case assumedEntity = "application.assumed_entity"
    /// A subject type that names neither a person nor a kind of entity (a typo).
    case subjectTypeUnknown = "application.subject_type_unknown"
    /// A folder whose files all lie in two or more sub-folders: applications given as one.
    case looksLikeUploads = "application.looks_like_uploads"
    /// Two or more files of an application with the same bytes.
    case sameFileTwice = "application.same_file_twice"
    case regionUnknown = "application.region_unknown"
    case formInvalid = "application.form_invalid"
    case appVerificationRegion = "region.app_verification"
    case smsVerificationRegion = "region.sms_verification"
    case appUploadRegion = "region.app_upload"
    case addressProvinceMismatch = "form.address_province_mismatch"
    case regionMismatch = "form.region_mismatch"
    case outOfProvinceRefused = "form.out_of_province_refused"
    case residencePermitNeeded = "form.residence_permit_needed"
    case creditCodeInvalid = "form.credit_code_invalid"
    case idNumberInvalid = "form.id_number_invalid"
    case individualPreApproval = "form.individual_pre_approval"
    case websiteName = "form.website_name"

    // MARK: Requirements
    case requirementMissing = "requirement.missing"
    case idSideMissing = "requirement.id_side_missing"
}
