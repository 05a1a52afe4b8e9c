// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "icpcheck",
    products: [
        .library(name: "ICPCheck", targets: ["ICPCheck"]),
        .executable(name: "icpcheck", targets: ["icpcheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The only C module Swift imports: guarded libjpeg / libpng entry points, libwebp decoding and libexif loading.
        .target(
            name: "CImageCodecs",
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png16"), .linkedLibrary("exif"), .linkedLibrary("webp")]
        ),
        // Tesseract's C API behind a narrow interface: one engine per worker, grey pixels in, lines out.
        .target(name: "CTextReader", linkerSettings: [.linkedLibrary("tesseract")]),
        // dlib's HOG frontal face detector (C++) behind one C function: grey pixels in, face boxes out.
        // libdlib was built with LAPACK and BLAS, which its headers call into.
        .target(
            name: "CFaceHOG",
            linkerSettings: [.linkedLibrary("dlib"), .linkedLibrary("lapack"), .linkedLibrary("blas")]
        ),
        // Debian's SQLite, for the batch's cache of file reports.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "ICPCheck",
            dependencies: [
                "CImageCodecs", "CTextReader", "CFaceHOG", "CSQLite", .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["README.md"],
            // The default rules and the report's templates are compiled into the binary, so it needs no file beside it.
            resources: [
                .embedInCode("Rules/default-rules.yaml"), .embedInCode("Report/Templates/application.mustache"),
                .embedInCode("Report/Templates/index.mustache"), .embedInCode("Report/Templates/finding.mustache"),
                .embedInCode("Report/Templates/style.css"), .embedInCode("Report/Templates/index.js"),
            ]
        ),
        .executableTarget(
            name: "icpcheck",
            dependencies: ["ICPCheck", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmarks our decode path against djpeg on the same files (`make bench`).
        .executableTarget(name: "icpcheck-bench", dependencies: ["ICPCheck"]),
        .testTarget(
            name: "ICPCheckTests",
            dependencies: [
                "ICPCheck", "CImageCodecs", "icpcheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Read through #filePath, not bundled.
            exclude: ["Fixtures"]
        ),
    ],
    cxxLanguageStandard: .cxx17
)

for target in package.targets where !target.name.hasPrefix("C") {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        // `any` spelled out for existentials, so their cost is visible.
        .enableUpcomingFeature("ExistentialAny"),
        // Imports are internal unless marked otherwise, so C types cannot leak into public API.
        .enableUpcomingFeature("InternalImportsByDefault"),
        // A module must import what it uses, not inherit it from another import.
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
