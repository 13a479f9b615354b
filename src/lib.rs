//! hrss-desk: the supervision desk of a district Human Resources and Social
//! Security Bureau (人社局), as a library so the tests can reach every part.

// Amounts in fen are written with the fen apart: `6_420_00` is 6,420.00 yuan.
#![allow(clippy::inconsistent_digit_grouping)]
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod docx;
pub mod domain;
pub mod failure;
pub mod files;
pub mod i18n;
pub mod lang;
pub mod logging;
pub mod login;
pub mod printing;
pub mod search;
pub mod sheet;
pub mod store;
pub mod tui;
pub mod workflow;
