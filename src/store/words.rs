//! The vocabulary's words as the store reads them: a column holding a code
//! (`kind`, `status`, `stage`…) decodes straight into its enum, so no layer
//! above parses codes again. The migrations' CHECK constraints allow only
//! these codes; one the program does not know is an unreadable row.

use crate::domain::ladder::Step;
use crate::domain::{
    CaseFileKind, CaseStage, ComplaintChannel, ComplaintDecision, EmployerStatus, FilingKind,
    InspectionMethod, InspectionResult, LeadSource, LicenceKind, LicenceStatus, PersonStatus,
    Sanction, SanctionStatus,
};

/// Reads and writes each type as the text of its code, on any database.
macro_rules! words_from_text {
    ($($t:ty),+ $(,)?) => {$(
        impl<DB: sqlx::Database> sqlx::Type<DB> for $t
        where
            String: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <String as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <String as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $t
        where
            &'static str: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&'static str as sqlx::Encode<'q, DB>>::encode(self.code(), buf)
            }
        }

        // In JSON (the command line's `--json`) a word is its code, as stored.
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $t
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let code = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                <$t>::parse(code)
                    .ok_or_else(|| format!("{} has no code {code:?}", stringify!($t)).into())
            }
        }
    )+};
}

words_from_text!(
    LicenceKind,
    LicenceStatus,
    CaseStage,
    FilingKind,
    PersonStatus,
    EmployerStatus,
    LeadSource,
    CaseFileKind,
    Step,
    InspectionMethod,
    InspectionResult,
    Sanction,
    SanctionStatus,
    ComplaintChannel,
    ComplaintDecision,
);
