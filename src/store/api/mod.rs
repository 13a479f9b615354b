//! The store's methods, one file per backend file (`backend/*.rs`), so
//! what the store offers lines up with where its SQL is.

mod campaigns;
mod case_acts;
mod cases;
mod complaints;
mod core;
mod demo;
mod details;
mod documents;
mod draws;
mod imports;
mod intake;
mod leads;
mod lists;
mod review;
mod staff;
mod standing;
mod statistics;
mod supervision;
mod zones;
