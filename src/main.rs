use std::process::ExitCode;

fn main() -> ExitCode {
    hrss_desk::cli::main()
}
