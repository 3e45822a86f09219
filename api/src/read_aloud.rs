//! `myvoice make-audio`: a spoken clip of every fixed text on the child's and the family's pages,
//! in every language, made ahead of time so a page can be heard with JavaScript off. Debian's
//! espeak-ng speaks, opus-tools' opusenc squeezes it (a sentence is a few kilobytes, where the
//! WAV is a hundred). Clips are cached by what they say: a second run, or an unchanged text,
//! makes nothing.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use frontend::text::{Lang, aloud};
use sha2::{Digest, Sha256};

#[derive(Debug, clap::Args)]
pub struct MakeAudioArgs {
    /// The built site's folder: clips go to `<site-dir>/audio/<lang>/<key>.ogg`.
    #[arg(long, env = "MYVOICE_SITE_DIR", default_value = "target/site")]
    pub site_dir: PathBuf,
    /// Where clips are kept between runs. Default: `<site-dir>/../audio-cache`.
    #[arg(long, env = "MYVOICE_AUDIO_CACHE")]
    pub cache_dir: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error("{tool} could not be run (install it with: apt-get install {package}): {source}")]
    Missing {
        tool: &'static str,
        package: &'static str,
        source: std::io::Error,
    },
    #[error("{tool} failed on {lang}/{key}: {detail}")]
    Failed {
        tool: &'static str,
        lang: &'static str,
        key: String,
        detail: String,
    },
    #[error("a clip maker stopped part way")]
    Stopped,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Words a minute: slower than espeak-ng's 175, for a young listener.
const SPEED: &str = "140";
/// Opus bit rate in kbit/s: clear speech, small enough for a child's data plan.
const BITRATE: &str = "24";

fn voice(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-gb",
        Lang::Cy => "cy",
        Lang::Pl => "pl",
        Lang::Ar => "ar",
    }
}

struct Clip {
    lang: Lang,
    key: String,
    words: String,
}

impl Clip {
    /// The cache's name for this clip: everything that changes the sound.
    fn cache_name(&self) -> String {
        let digest = Sha256::new()
            .chain_update(voice(self.lang))
            .chain_update([0])
            .chain_update(SPEED)
            .chain_update(BITRATE)
            .chain_update([0])
            .chain_update(&self.words)
            .finalize();
        format!("{digest:x}.ogg")
    }
}

/// What a run did.
pub struct Made {
    pub clips: usize,
    pub new: usize,
}

pub fn run(args: MakeAudioArgs) -> Result<(), AudioError> {
    let cache = args.cache_dir.clone().unwrap_or_else(|| {
        args.site_dir
            .parent()
            .unwrap_or(Path::new("."))
            .join("audio-cache")
    });
    let made = make_all(&args.site_dir, &cache)?;
    println!(
        "{} clips in {} ({} new, the rest from {})",
        made.clips,
        args.site_dir.join("audio").display(),
        made.new,
        cache.display()
    );
    Ok(())
}

/// Every clip, into `<site_dir>/audio`, which then holds exactly the clips of today's catalogues.
pub fn make_all(site_dir: &Path, cache: &Path) -> Result<Made, AudioError> {
    let clips: Vec<Clip> = Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            aloud::fixed_texts(lang)
                .into_iter()
                .map(move |(key, words)| Clip { lang, key, words })
        })
        .collect();
    let out = site_dir.join("audio");
    match std::fs::remove_dir_all(&out) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&out, e)),
        _ => {}
    }
    for dir in Lang::ALL
        .map(|lang| out.join(lang.code()))
        .iter()
        .chain([&cache.to_path_buf()])
    {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    }
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let per_worker = clips.len().div_ceil(workers).max(1);
    let results: Vec<Result<usize, AudioError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = clips
            .chunks(per_worker)
            .map(|chunk| scope.spawn(|| place_all(chunk, &out, cache)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Err(AudioError::Stopped)))
            .collect()
    });
    let mut new = 0;
    for result in results {
        new += result?;
    }
    Ok(Made {
        clips: clips.len(),
        new,
    })
}

/// Puts each clip in place, making the ones the cache lacks; how many it made.
fn place_all(clips: &[Clip], out: &Path, cache: &Path) -> Result<usize, AudioError> {
    let mut new = 0;
    for clip in clips {
        let cached = cache.join(clip.cache_name());
        if !cached.exists() {
            make(clip, &cached)?;
            new += 1;
        }
        let placed = out.join(clip.lang.code()).join(format!("{}.ogg", clip.key));
        std::fs::copy(&cached, &placed).map_err(|e| io(&placed, e))?;
    }
    Ok(new)
}

/// espeak-ng reads the words from its standard input (so words never look like options) into a
/// WAV file; opusenc turns that into the clip. Written beside the cache entry, then renamed into
/// it, so a stopped run never leaves half a clip to be served later.
fn make(clip: &Clip, to: &Path) -> Result<(), AudioError> {
    let wav = to.with_extension("wav");
    let partial = to.with_extension("part");
    let mut speak = Command::new("espeak-ng")
        .args(["-v", voice(clip.lang), "-s", SPEED, "--stdin", "-w"])
        .arg(&wav)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| AudioError::Missing {
            tool: "espeak-ng",
            package: "espeak-ng",
            source,
        })?;
    if let Some(mut input) = speak.stdin.take() {
        input
            .write_all(clip.words.as_bytes())
            .map_err(|e| io(&wav, e))?;
    }
    let spoken = speak.wait_with_output().map_err(|e| io(&wav, e))?;
    check(clip, "espeak-ng", &spoken)?;
    let encoded = Command::new("opusenc")
        .args(["--quiet", "--speech", "--bitrate", BITRATE])
        .arg(&wav)
        .arg(&partial)
        .output()
        .map_err(|source| AudioError::Missing {
            tool: "opusenc",
            package: "opus-tools",
            source,
        })?;
    let _ = std::fs::remove_file(&wav);
    check(clip, "opusenc", &encoded)?;
    std::fs::rename(&partial, to).map_err(|e| io(to, e))
}

fn check(clip: &Clip, tool: &'static str, output: &std::process::Output) -> Result<(), AudioError> {
    if output.status.success() {
        return Ok(());
    }
    Err(AudioError::Failed {
        tool,
        lang: clip.lang.code(),
        key: clip.key.clone(),
        detail: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
    })
}

fn io(path: &Path, source: std::io::Error) -> AudioError {
    AudioError::Io {
        path: path.to_path_buf(),
        source,
    }
}
