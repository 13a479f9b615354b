//! Importing a register from the screen (`I`, or 导入名册 in the palette):
//! a form naming the kind and the file, the same import as the command
//! line's, its problems written beside the file.

use super::form::{Form, FormField, Kind, Purpose};
use crate::domain::import::ImportKind;
use crate::i18n::{self, Lang};

impl Form {
    /// The import form: what, from which file, in which encoding, for real or not.
    pub fn import(lang: Lang) -> Form {
        let kinds = ImportKind::ALL
            .iter()
            .map(|k| {
                (
                    k.code().to_string(),
                    i18n::import_kind_label(lang, *k).to_string(),
                )
            })
            .collect();
        let encodings = [
            ("", lang.pick("自动识别", "detect")),
            ("utf-8", "UTF-8"),
            ("gb18030", "GB18030 / GBK"),
        ]
        .iter()
        .map(|(c, l)| (c.to_string(), l.to_string()))
        .collect();
        Form {
            purpose: Purpose::Import,
            title: lang.pick("导入名册", "Import a register").into(),
            fields: vec![
                FormField::new("kind", lang.pick("名册", "Register"), Kind::OneOf(kinds)),
                FormField::new(
                    "file",
                    lang.pick("文件（.csv 或 .xlsx 的路径）", "File (.csv or .xlsx path)"),
                    Kind::Text,
                ),
                FormField::new(
                    "encoding",
                    lang.pick("编码", "Encoding"),
                    Kind::OneOf(encodings),
                ),
                FormField::new(
                    "dry_run",
                    lang.pick("只检查，不写入", "Check only"),
                    Kind::Flag,
                ),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }
}
