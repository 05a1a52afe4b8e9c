extension Finding {
    static func linkOutside(_ path: String) -> Finding {
        Finding(
            code: FindingCode.linkOutside, severity: .warning,
            message: "'\(path)' is a link to something outside the application folder; it was not followed. Copy the file"
                + " into the folder instead.",
            messageZh: "“\(path)”是指向申请文件夹之外的链接，未被检查，请将文件本身复制到文件夹中。")
    }

    static func applicationLink(_ name: String) -> Finding {
        Finding(
            code: FindingCode.applicationLink, severity: .error,
            message: "The application folder '\(name)' is a link to another place; it was not entered and none of its files"
                + " were checked. Put the folder itself into the uploads folder.",
            messageZh: "申请文件夹“\(name)”是指向其他位置的链接，未被进入，其中文件均未检查，请将文件夹本身放入上传目录。")
    }

    static func folderUnreadable(_ path: String) -> Finding {
        Finding(
            code: FindingCode.folderUnreadable, severity: .error,
            message: "The folder '\(path.isEmpty ? "." : path)' cannot be read; check its permissions.",
            messageZh: "无法读取文件夹“\(path.isEmpty ? "." : path)”，请检查权限。")
    }

    static func folderTooDeep(_ path: String) -> Finding {
        Finding(
            code: FindingCode.folderTooDeep, severity: .warning,
            message: "'\(path)' is nested too deeply; its contents were not checked. Put the materials near the top of the"
                + " application folder.",
            messageZh: "“\(path)”嵌套层级过深，其中内容未被检查，请将材料放在申请文件夹的上层。")
    }

    static func nameNotUTF8(_ path: String) -> Finding {
        Finding(
            code: FindingCode.nameNotUTF8, severity: .warning,
            message: "The file name '\(path)' is not valid UTF-8 (often a GBK name from an old archive); rename it so"
                + " that the upload form shows it correctly.",
            messageZh: "文件名“\(path)”不是有效的 UTF-8 编码（常见于旧压缩包中的 GBK 文件名），请重命名，以免上传时显示乱码。")
    }
}
