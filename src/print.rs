//! Sending a handout to a system printer.
//!
//! Linux and macOS print the PDF through CUPS with `lp` (tested on Linux
//! with a real CUPS server; macOS ships the same `lp`). Windows draws the
//! handout's laid-out pages on the printer with GDI, through the spooler
//! (`print/windows.rs`, tested under Wine): no PDF viewer needed.

use std::sync::Arc;

use crate::Lang;
use crate::handout::layout::{self, Document};

/// What to print and how.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintJob {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// The pages the PDF was written from: what Windows draws.
    pub layout: Layout,
    /// The job title shown in the print queue.
    pub title: String,
    /// A queue name; the system default when `None`.
    pub printer: Option<String>,
    pub copies: u32,
    pub duplex: bool,
}

/// A handout's laid-out pages, shared between the PDF made for the window
/// and the print job.
#[derive(Debug, Clone)]
pub struct Layout(pub Arc<Document>);

impl Layout {
    pub fn new(document: Document) -> Self {
        Layout(Arc::new(document))
    }
}

/// No pages: for a job whose printing path reads only the PDF.
impl Default for Layout {
    fn default() -> Self {
        Layout::new(Document {
            pages: Vec::new(),
            outline: Vec::new(),
            frame: layout::Frame::a4(),
            theme: layout::Theme::new(false),
            structure: Default::default(),
        })
    }
}

/// The same pages. Layout never produces NaN, so comparing the numbers is
/// an equivalence (what `Eq` promises).
impl PartialEq for Layout {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for Layout {}

/// Why a handout did not reach the printer. The handout itself is never
/// lost: the caller still holds the PDF and can offer to save it.
///
/// `Display` is the English [`PrintError::message`]: the sentences are
/// written once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum PrintError {
    NoPrintCommand(String),
    NoPrinter,
    UnknownPrinter(String),
    /// Stopped, or not accepting jobs: a job sent there would wait in the
    /// spool while the nurse is told it was sent.
    QueueStopped(String),
    /// The print server does not answer (cupsd stopped, a remote server
    /// unreachable); `lp` then says « the printer does not exist ».
    ServerUnreachable,
    Refused(String),
}

impl PrintError {
    /// The reason, as a nurse reads it in the window.
    pub fn message(&self, lang: Lang) -> String {
        use PrintError::*;
        match (self, lang) {
            (NoPrintCommand(cmd), Lang::Fr) => {
                format!(
                    "l'impression n'est pas installée sur cet ordinateur (commande « {cmd} » absente)."
                )
            }
            (NoPrintCommand(cmd), Lang::En) => {
                format!("printing is not installed on this computer (no `{cmd}` command).")
            }
            (NoPrinter, Lang::Fr) => {
                "aucune imprimante n'est configurée sur cet ordinateur.".into()
            }
            (NoPrinter, Lang::En) => "no printer is set up on this computer.".into(),
            (UnknownPrinter(name), Lang::Fr) => format!("l'imprimante « {name} » n'existe pas."),
            (UnknownPrinter(name), Lang::En) => format!("there is no printer named \"{name}\"."),
            (QueueStopped(name), Lang::Fr) => {
                format!(
                    "l'imprimante « {name} » est arrêtée ; demandez à l'accueil de la relancer."
                )
            }
            (QueueStopped(name), Lang::En) => {
                format!("the printer \"{name}\" is stopped; ask the front desk to restart it.")
            }
            (ServerUnreachable, Lang::Fr) => "le service d'impression ne répond pas (serveur CUPS injoignable) ; rien n'a été imprimé. Demandez à l'accueil de vérifier l'ordinateur ou le réseau.".into(),
            (ServerUnreachable, Lang::En) => "the print service does not answer (the CUPS server cannot be reached); nothing was printed. Ask the front desk to check the computer or the network.".into(),
            (Refused(detail), Lang::Fr) => format!("l'imprimante a refusé le document ({detail})."),
            (Refused(detail), Lang::En) => format!("the printer refused the document ({detail})."),
        }
    }
}

/// A job accepted by the print service, with its id (`cups-pdf-12`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub job_id: String,
    pub printer: Option<String>,
}

/// Sends the job to the print service and returns its id.
pub fn print(job: &PrintJob) -> Result<Queued, PrintError> {
    platform::print(job)
}

/// The `lp` arguments for a job: A4, copies, sides, title, the queue.
pub fn lp_args(job: &PrintJob) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(p) = &job.printer {
        args.extend(["-d".to_string(), p.clone()]);
    }
    args.extend(["-n".to_string(), job.copies.clamp(1, 99).to_string()]);
    args.extend(["-o".to_string(), "media=A4".to_string()]);
    let sides = if job.duplex {
        "two-sided-long-edge"
    } else {
        "one-sided"
    };
    args.extend(["-o".to_string(), format!("sides={sides}")]);
    args.extend(["-t".to_string(), job.title.clone()]);
    // The document comes on standard input: no temporary file to clean up.
    args.push("--".to_string());
    args.push("-".to_string());
    args
}

/// The job id in `lp`'s answer: "request id is cups-pdf-3 (1 file(s))".
pub fn parse_job_id(stdout: &str) -> Option<String> {
    stdout
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .map(str::to_string)
}

/// Reads `lpstat -p NAME` to tell a stopped queue from a missing one. The
/// queue's own name is left out (« printer NAME is idle »): a queue called
/// `stopped-desk` is not stopped.
pub fn queue_state(lpstat_output: &str) -> QueueState {
    let text = without_names(lpstat_output);
    if text.contains("disabled") || text.contains("stopped") {
        QueueState::Stopped
    } else if text.contains("idle") || text.contains("printing") || text.contains("enabled") {
        QueueState::Ready
    } else {
        QueueState::Unknown
    }
}

/// `lpstat`'s answer in lower case, without the queue name that starts
/// each of its lines (`printer NAME …` for `-p`, `NAME …` for `-a`).
fn without_names(lpstat_output: &str) -> String {
    lpstat_output
        .lines()
        .map(|line| {
            let line = line.strip_prefix("printer ").unwrap_or(line);
            if line.starts_with(char::is_whitespace) {
                line
            } else {
                line.split_once(' ').map_or("", |(_, rest)| rest)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase()
}

/// Reads `lpstat -a NAME`: whether the queue takes new jobs (`None` when
/// the answer says neither).
pub fn accepting(lpstat_output: &str) -> Option<bool> {
    let text = without_names(lpstat_output);
    if text.contains("not accepting") {
        Some(false)
    } else if text.contains("accepting") {
        Some(true)
    } else {
        None
    }
}

/// Reads `lpstat -r`: whether the CUPS scheduler answers (`None` when the
/// answer says neither).
pub fn scheduler_running(lpstat_output: &str) -> Option<bool> {
    let text = lpstat_output.to_lowercase();
    if text.contains("not running") {
        Some(false)
    } else if text.contains("is running") {
        Some(true)
    } else {
        None
    }
}

/// The default destination `lpstat -d` names: the queue a job sent
/// without `-d` really goes to (`LPDEST`, `PRINTER`, lpoptions or the
/// server's default, resolved by CUPS itself).
pub fn default_destination(lpstat_output: &str) -> Option<String> {
    lpstat_output
        .lines()
        .find_map(|line| line.trim().strip_prefix("system default destination:"))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueState {
    Ready,
    Stopped,
    Unknown,
}

/// The error `lp` reports on its standard error, in the C locale.
pub fn classify_lp_error(stderr: &str, printer: Option<&str>) -> PrintError {
    let text = stderr.to_lowercase();
    if text.contains("no default destination") {
        PrintError::NoPrinter
    } else if text.contains("does not exist") || text.contains("unknown destination") {
        PrintError::UnknownPrinter(printer.unwrap_or_default().to_string())
    } else if text.contains("not accepting") {
        PrintError::QueueStopped(printer.unwrap_or_default().to_string())
    } else {
        PrintError::Refused(stderr.trim().to_string())
    }
}

#[cfg(unix)]
mod platform {
    use std::io::Write;
    use std::process::{Command, Stdio};

    use super::*;

    /// Checks the queue that will really receive the job, then sends it
    /// there with `lp -d`. Each check that cannot run (no `lpstat`) is
    /// skipped and `lp` has the last word.
    pub fn print(job: &PrintJob) -> Result<Queued, PrintError> {
        // Without an answering scheduler every later answer is a guess: an
        // unreachable server makes `lp` say « the printer does not exist ».
        if lpstat(&["-r"]).and_then(|out| scheduler_running(&out)) == Some(false) {
            return Err(PrintError::ServerUnreachable);
        }
        let queue = match &job.printer {
            Some(name) => Some(name.clone()),
            None => match lpstat(&["-d"]) {
                Some(out) => match default_destination(&out) {
                    Some(name) => Some(name),
                    None => return Err(PrintError::NoPrinter),
                },
                None => None,
            },
        };
        if let Some(name) = &queue {
            // A stopped or rejecting queue would hold the job silently, or
            // refuse it after « Envoyé ».
            let stopped = lpstat(&["-p", name]).map(|out| queue_state(&out));
            let accepts = lpstat(&["-a", name]).and_then(|out| accepting(&out));
            if stopped == Some(QueueState::Stopped) || accepts == Some(false) {
                return Err(PrintError::QueueStopped(name.clone()));
            }
        }
        let mut args = lp_args(job);
        if let (None, Some(name)) = (&job.printer, &queue) {
            args.splice(0..0, ["-d".to_string(), name.clone()]);
        }
        let mut child = c_locale("lp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => PrintError::NoPrintCommand("lp".into()),
                _ => PrintError::Refused(e.to_string()),
            })?;
        // `lp` may refuse the job (no such printer, queue stopped) before
        // reading it all: the write then fails with a broken pipe. Its own
        // message says why, so it is waited for before the write's error
        // counts. The pipe closes when `stdin` is dropped here.
        let written = child
            .stdin
            .take()
            .map(|mut stdin| stdin.write_all(&job.pdf));
        let out = child
            .wait_with_output()
            .map_err(|e| PrintError::Refused(e.to_string()))?;
        if !out.status.success() {
            let error = classify_lp_error(&String::from_utf8_lossy(&out.stderr), queue.as_deref());
            let lost = lpstat(&["-r"]).and_then(|out| scheduler_running(&out)) == Some(false);
            return Err(match error {
                PrintError::UnknownPrinter(_) | PrintError::NoPrinter if lost => {
                    PrintError::ServerUnreachable
                }
                other => other,
            });
        }
        if let Some(Err(e)) = written {
            return Err(PrintError::Refused(e.to_string()));
        }
        let job_id = parse_job_id(&String::from_utf8_lossy(&out.stdout)).unwrap_or_default();
        Ok(Queued {
            job_id,
            printer: queue,
        })
    }

    /// What `lpstat` answers (its output and errors together), or `None`
    /// when it cannot run.
    fn lpstat(args: &[&str]) -> Option<String> {
        let out = c_locale("lpstat").args(args).output().ok()?;
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        Some(text)
    }

    /// A command whose messages are in English, so they can be read.
    fn c_locale(program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("LC_ALL", "C").env("LANG", "C");
        crate::system_fonts::restore_for_child(&mut cmd);
        cmd
    }
}

#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as platform;

#[cfg(test)]
mod tests {
    use super::*;

    fn job() -> PrintJob {
        PrintJob {
            pdf: b"%PDF-1.7".to_vec(),
            layout: Layout::default(),
            title: "Comprendre la résistance".into(),
            printer: Some("accueil".into()),
            copies: 2,
            duplex: true,
        }
    }

    #[test]
    fn lp_gets_a4_copies_sides_title_and_queue() {
        let args = lp_args(&job());
        let joined = args.join(" ");
        assert!(joined.starts_with("-d accueil -n 2 -o media=A4 -o sides=two-sided-long-edge -t"));
        assert_eq!(args[args.len() - 3], "Comprendre la résistance");
        assert_eq!(args.last().map(String::as_str), Some("-"));
    }

    #[test]
    fn without_a_queue_lp_uses_the_default_and_one_side() {
        let mut j = job();
        j.printer = None;
        j.duplex = false;
        let args = lp_args(&j);
        assert!(!args.contains(&"-d".to_string()));
        assert!(args.contains(&"sides=one-sided".to_string()));
    }

    #[test]
    fn the_job_id_is_read_from_lp() {
        assert_eq!(
            parse_job_id("request id is cups-pdf-3 (1 file(s))\n").as_deref(),
            Some("cups-pdf-3")
        );
        assert_eq!(parse_job_id(""), None);
    }

    #[test]
    fn lp_errors_become_reasons_a_nurse_understands() {
        assert_eq!(
            classify_lp_error("lp: No default destination.", None),
            PrintError::NoPrinter
        );
        assert_eq!(
            classify_lp_error("lp: The printer or class does not exist.", Some("x")),
            PrintError::UnknownPrinter("x".into())
        );
        assert_eq!(
            classify_lp_error("lp: Destination \"x\" is not accepting jobs.", Some("x")),
            PrintError::QueueStopped("x".into())
        );
        assert!(
            PrintError::NoPrinter
                .message(Lang::Fr)
                .contains("aucune imprimante")
        );
    }

    #[test]
    fn lpstat_answers_are_read() {
        assert_eq!(
            default_destination("system default destination: accueil\n").as_deref(),
            Some("accueil")
        );
        assert_eq!(default_destination("no system default destination\n"), None);
        assert_eq!(scheduler_running("scheduler is not running\n"), Some(false));
        assert_eq!(scheduler_running("scheduler is running\n"), Some(true));
        assert_eq!(
            accepting("accueil not accepting requests since Tue -\n\tRejecting Jobs"),
            Some(false)
        );
        assert_eq!(
            accepting("accueil accepting requests since Tue"),
            Some(true)
        );
        assert_eq!(accepting(""), None);
        // A queue's name is not its state.
        assert_eq!(
            queue_state("printer stopped-desk is idle.  enabled since Tue"),
            QueueState::Ready
        );
        assert_eq!(
            accepting("not-accepting-desk accepting requests since Tue"),
            Some(true)
        );
    }

    #[test]
    fn an_unreachable_server_is_not_a_missing_printer() {
        let fr = PrintError::ServerUnreachable.message(Lang::Fr);
        let en = PrintError::ServerUnreachable.message(Lang::En);
        assert!(
            fr.contains("ne répond pas") && !fr.contains("n'existe pas"),
            "{fr}"
        );
        assert!(en.contains("does not answer"), "{en}");
        assert_eq!(PrintError::ServerUnreachable.to_string(), en);
    }

    #[test]
    fn a_disabled_queue_is_seen_as_stopped() {
        assert_eq!(
            queue_state("printer x disabled since Sun ... -\n\treason"),
            QueueState::Stopped
        );
        assert_eq!(
            queue_state("printer x is idle.  enabled since Sun"),
            QueueState::Ready
        );
    }
}
