//! A real terminal for the program: tmux runs a command in a session of a
//! given size, keys are typed, and the screen is read back.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    pub socket: std::path::PathBuf,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        // The server this starts passes the tests' day on to the demo desks
        // run in it (an office database would refuse it).
        Command::new("tmux")
            .env(hrss_desk::clock::TODAY_VAR, super::TODAY)
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is needed for this test: apt-get install tmux")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "hrss"]).stdout)
            .into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "hrss"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn literally(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "hrss", "-l", text])
                .status
                .success()
        );
    }

    /// Waits until the screen satisfies `ok`, or fails showing what was there.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(40) {
                panic!("waited for {what}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Tmux {
    /// Runs `command` in a new session of a terminal `w`×`h` wide.
    pub fn start(dir: &Path, command: &str, w: u16, h: u16) -> Tmux {
        // A socket of its own: a server just killed may still hold the last.
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let t = Tmux {
            socket: dir.join(format!("tmux-{n}.sock")),
        };
        let (w, h) = (w.to_string(), h.to_string());
        let started = t.run(&[
            "new-session",
            "-d",
            "-s",
            "hrss",
            "-x",
            &w,
            "-y",
            &h,
            command,
        ]);
        assert!(
            started.status.success(),
            "{}",
            String::from_utf8_lossy(&started.stderr)
        );
        t
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

impl Tmux {
    /// Whether the pane shows the alternate screen (a full-screen program's).
    pub fn alternate_on(&self) -> bool {
        let out = self.run(&["display-message", "-p", "-t", "hrss", "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// Waits up to `secs` seconds for `ok`; false when it never held.
    pub fn within(secs: u64, ok: impl Fn() -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        ok()
    }
}
