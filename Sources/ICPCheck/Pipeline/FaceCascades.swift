import Foundation

/// OpenCV's face cascades, loaded once per process before any file is measured and handed to the
/// measures (which never read files or the environment themselves).
public struct FaceCascades: Sendable {
    /// The frontal-face detector, or why it could not be loaded (the photo measures then say so).
    let frontal: Result<FaceDetector, CascadeError>
    /// The profile-face detector; nil when it is not installed (it only adds to the frontal one).
    let profile: FaceDetector?
    /// The eye detector, run inside a face's box; nil when it is not installed.
    let eyes: FaceDetector?

    /// Where the Debian package `opencv-data` installs OpenCV's default frontal-face cascade.
    static let defaultFrontalPath = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
    /// OpenCV's profile-face cascade, beside the frontal one in `opencv-data`: faces turned to one side.
    static let defaultProfilePath = "/usr/share/opencv4/haarcascades/haarcascade_profileface.xml"
    /// OpenCV's eye cascade, in `opencv-data` too: the eyes of a face towards the camera.
    static let defaultEyePath = "/usr/share/opencv4/haarcascades/haarcascade_eye.xml"

    /// The cascades named by `ICPCHECK_CASCADE` and `ICPCHECK_PROFILE_CASCADE`, or else the
    /// defaults; read on first use and kept for the process.
    public static let installed = FaceCascades(
        frontalPath: configured("ICPCHECK_CASCADE") ?? defaultFrontalPath,
        profilePath: configured("ICPCHECK_PROFILE_CASCADE") ?? defaultProfilePath,
        eyePath: configured("ICPCHECK_EYE_CASCADE") ?? defaultEyePath)

    init(frontalPath: String, profilePath: String, eyePath: String = defaultEyePath) {
        frontal = Result { () throws(CascadeError) in FaceDetector(cascade: try HaarCascade.load(path: frontalPath)) }
        profile = try? FaceDetector(cascade: HaarCascade.load(path: profilePath))
        eyes = try? FaceDetector(cascade: HaarCascade.load(path: eyePath))
    }

    private static func configured(_ variable: String) -> String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension HaarCascade {
    /// OpenCV's largest Haar cascade is under 2 MB.
    static let maxCascadeBytes = 64 << 20

    /// Reads the cascade XML file at `path` (see `init(xml:source:)`).
    static func load(path: String) throws(CascadeError) -> HaarCascade {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path: path) }
        let bytes: [UInt8]
        do { bytes = try FileReader.read(namedPath: path, maxBytes: maxCascadeBytes).bytes } catch {
            throw .unreadable(path: path, reason: error.message)
        }
        return try HaarCascade(xml: bytes, source: path)
    }
}
