//! The integration tests, one binary: each file a module, the helpers in
//! `common`. One binary links the crate, sqlx and ratatui once, not once a
//! file.

// Amounts in fen are written with the fen apart: `6_420_00` is 6,420.00 yuan.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

mod case_csv;
mod cli;
mod cli_average_wage;
mod cli_case_acts;
mod cli_case_decisions;
mod cli_cases;
mod cli_checklists;
mod cli_complaints;
mod cli_concurrency;
mod cli_crash;
mod cli_draw;
mod cli_draw_rotation;
mod cli_export;
mod cli_import;
mod cli_intake;
mod cli_intake_batch;
mod cli_leads;
mod cli_licence_expiry;
mod cli_licence_reports;
mod cli_licence_standing;
mod cli_notice;
mod cli_office_name;
mod cli_ops;
mod cli_school_chain;
mod cli_supervision;
mod cli_usage;
mod cli_zones;
mod clock;
mod fuzz_parsers;
mod intake_office;
mod keymaps;
mod lookup;
mod printing;
mod printing_real;
mod roles_cli;
mod security_audit;
mod security_files;
mod security_identity;
mod security_import;
mod security_limits;
mod security_output;
mod security_reasons;
mod security_workbook;
mod ssh;
mod store;
mod store_cases;
mod store_draws;
mod store_import;
mod store_inspections;
mod store_lists;
mod store_migrate;
mod store_races;
mod store_review;
mod store_review_checks;
mod store_statistics;
mod store_supervision_sections;
mod store_words;
mod structure;
mod terminal;
mod tui;
mod tui_cases;
mod tui_e2e;
mod tui_intake;
mod tui_layers;
mod tui_lookup;
mod tui_messages;
mod tui_roles;
mod tui_statistics;
mod tui_supervision;
