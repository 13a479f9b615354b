//! The office's rules. Pure: no I/O, no async, no database types.

pub mod annual;
pub mod audit;
pub mod calendar;
pub mod campaign;
pub mod case_papers;
pub mod check_items;
pub mod clocks;
pub mod complaint;
pub mod contribution;
pub mod decision;
pub mod documents;
pub mod draw;
pub mod fines;
pub mod import;
pub mod intake;
pub mod kinds;
pub mod ladder;
pub mod lead;
pub mod licence;
pub mod mask;
pub mod permissions;
pub mod procedure;
pub mod resident_id;
pub mod review;
pub mod settings;
pub mod settlement;
pub mod staff;
pub mod statistics;
pub mod text;
pub mod uscc;
pub mod zone;

pub use calendar::{CalendarYear, Deadline, WorkCalendar};
pub use kinds::*;
pub use resident_id::ResidentId;
pub use staff::Staff;
pub use uscc::Uscc;
