//! Vacation responder: replies at most once per sender every N days, and
//! delivers every message.
//!
//! Config (all optional):
//!   days     N, the minimum number of days between two replies to the same
//!            sender (default 7; 0 = reply to every message)
//!   message  the reply's body (default: a short "I am away" text)
//!   subject  the reply's subject (default "Auto: " + the original subject)
//!
//! The time of the last reply to each sender is kept in the Extism var
//! "vacation:<sender in lower case>" (decimal seconds since 1970). "Now" is
//! the message's `receivedAt` (set by the host: plugins have no clock),
//! else its Date header; when neither is usable a sender gets one reply
//! only. No reply for the null sender or mail from the owner to herself;
//! the host also refuses replies to automatic and list mail (RFC 3834),
//! and a refused reply is not recorded.
//!
//! Result: deliver's code (0 when delivered).
//!
//! Build (Debian rustc + libstd-rust-dev-wasm32, no crates):
//!   rustc --target wasm32-unknown-unknown --crate-type cdylib -O vacation.rs
#![allow(clippy::missing_safety_doc)]

/// The Extism kernel functions this plugin uses.
mod extism {
    #[link(wasm_import_module = "extism:host/env")]
    extern "C" {
        pub fn input_length() -> u64;
        pub fn input_load_u8(offset: u64) -> u8;
        pub fn input_load_u64(offset: u64) -> u64;
        pub fn alloc(length: u64) -> u64;
        pub fn free(handle: u64);
        pub fn length(handle: u64) -> u64;
        pub fn load_u8(offset: u64) -> u8;
        pub fn load_u64(offset: u64) -> u64;
        pub fn store_u8(offset: u64, value: u8);
        pub fn store_u64(offset: u64, value: u64);
        pub fn output_set(handle: u64, length: u64);
        pub fn error_set(handle: u64);
        pub fn config_get(key: u64) -> u64;
        pub fn var_get(key: u64) -> u64;
        pub fn var_set(key: u64, value: u64);
        pub fn log_info(message: u64);
    }

    // The Hackable Mail host functions: JSON in, JSON integer out.
    #[link(wasm_import_module = "extism:host/user")]
    extern "C" {
        pub fn deliver(email: u64) -> u64;
        pub fn reply(reply: u64) -> u64;
    }
}

// ---- kernel memory -------------------------------------------------------

/// Copies bytes into a new block of kernel memory.
fn store(bytes: &[u8]) -> u64 {
    unsafe {
        let handle = extism::alloc(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        let mut at = handle;
        for chunk in &mut chunks {
            extism::store_u64(at, u64::from_le_bytes(chunk.try_into().unwrap()));
            at += 8;
        }
        for &b in chunks.remainder() {
            extism::store_u8(at, b);
            at += 1;
        }
        handle
    }
}

/// Reads a block of kernel memory; None for handle 0. (Blocks are not freed
/// here: a var's block may be the var itself in some hosts, and the kernel
/// memory is reset after every call anyway.)
fn read(handle: u64) -> Option<Vec<u8>> {
    if handle == 0 {
        return None;
    }
    unsafe {
        let len = extism::length(handle) as usize;
        let mut out = Vec::with_capacity(len);
        let mut at = 0;
        while at + 8 <= len {
            out.extend_from_slice(&extism::load_u64(handle + at as u64).to_le_bytes());
            at += 8;
        }
        while at < len {
            out.push(extism::load_u8(handle + at as u64));
            at += 1;
        }
        Some(out)
    }
}

fn input() -> Vec<u8> {
    unsafe {
        let len = extism::input_length() as usize;
        let mut out = Vec::with_capacity(len);
        let mut at = 0;
        while at + 8 <= len {
            out.extend_from_slice(&extism::input_load_u64(at as u64).to_le_bytes());
            at += 8;
        }
        while at < len {
            out.push(extism::input_load_u8(at as u64));
            at += 1;
        }
        out
    }
}

fn with_key<T>(key: &str, f: impl FnOnce(u64) -> T) -> T {
    let k = store(key.as_bytes());
    let result = f(k);
    unsafe { extism::free(k) };
    result
}

fn config(key: &str) -> Option<String> {
    let v = with_key(key, |k| unsafe { extism::config_get(k) });
    read(v).map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn var_get(key: &str) -> Option<String> {
    let v = with_key(key, |k| unsafe { extism::var_get(k) });
    read(v).map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn var_set(key: &str, value: &str) {
    // The value block is not freed: some hosts keep the block as the var.
    let v = store(value.as_bytes());
    with_key(key, |k| unsafe { extism::var_set(k, v) });
}

fn log(message: &str) {
    let m = store(message.as_bytes());
    unsafe {
        extism::log_info(m);
        extism::free(m);
    }
}

/// Calls deliver or reply; their JSON integer result, or -1 if malformed.
fn call_host(f: unsafe extern "C" fn(u64) -> u64, json: &str) -> i32 {
    let arg = store(json.as_bytes());
    let out = read(unsafe { f(arg) });
    unsafe { extism::free(arg) };
    out.and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.trim().parse::<i32>().ok())
        .unwrap_or(-1)
}

// ---- minimal JSON ----------------------------------------------------------

fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// `i` at a value: the index after it, or None if malformed.
fn skip_value(s: &[u8], i: usize) -> Option<usize> {
    let mut i = skip_ws(s, i);
    match *s.get(i)? {
        b'"' => {
            i += 1;
            loop {
                match *s.get(i)? {
                    b'"' => return Some(i + 1),
                    b'\\' => i += 2,
                    _ => i += 1,
                }
            }
        }
        open @ (b'{' | b'[') => {
            let close = if open == b'{' { b'}' } else { b']' };
            i = skip_ws(s, i + 1);
            if s.get(i) == Some(&close) {
                return Some(i + 1);
            }
            loop {
                if open == b'{' {
                    i = skip_ws(s, skip_value(s, i)?);
                    if s.get(i) != Some(&b':') {
                        return None;
                    }
                    i += 1;
                }
                i = skip_ws(s, skip_value(s, i)?);
                match *s.get(i)? {
                    c if c == close => return Some(i + 1),
                    b',' => i += 1,
                    _ => return None,
                }
            }
        }
        _ => {
            let start = i;
            while i < s.len() && b"+-.0123456789eEtrufalsn".contains(&s[i]) {
                i += 1;
            }
            (i > start).then(|| i)
        }
    }
}

fn hex4(s: &[u8], i: usize) -> Option<u32> {
    let digits = std::str::from_utf8(s.get(i..i + 4)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

/// `i` at a JSON string: its decoded value.
fn parse_string(s: &[u8], i: usize) -> Option<String> {
    let i = skip_ws(s, i);
    let end = skip_value(s, i)?;
    if s[i] != b'"' {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(end - i);
    let mut j = i + 1;
    while j < end - 1 {
        if s[j] != b'\\' {
            out.push(s[j]);
            j += 1;
            continue;
        }
        j += 1;
        let c = match s[j] {
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' => {
                let mut code = hex4(s, j + 1)?;
                j += 4;
                if (0xD800..0xDC00).contains(&code) && s.get(j + 1..j + 3) == Some(b"\\u") {
                    if let Some(low @ 0xDC00..=0xDFFF) = hex4(s, j + 3) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                        j += 6;
                    }
                }
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            other => other as char, // \" \\ \/
        };
        let mut buf = [0; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        j += 1;
    }
    String::from_utf8(out).ok()
}

/// `obj` at a JSON object: the index of the value of member `key`.
fn member(s: &[u8], obj: usize, key: &str, ignore_case: bool) -> Option<usize> {
    let mut i = skip_ws(s, obj);
    if s.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(s, i + 1);
    while s.get(i) == Some(&b'"') {
        let k = parse_string(s, i)?;
        i = skip_ws(s, skip_value(s, i)?);
        if s.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(s, i + 1);
        if k == key || (ignore_case && k.eq_ignore_ascii_case(key)) {
            return Some(i);
        }
        i = skip_ws(s, skip_value(s, i)?);
        if s.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(s, i + 1);
    }
    None
}

fn field_string(email: &[u8], name: &str) -> Option<String> {
    parse_string(email, member(email, 0, name, false)?)
}

fn field_integer(email: &[u8], name: &str) -> Option<i64> {
    let start = member(email, 0, name, false)?;
    let end = skip_value(email, start)?;
    std::str::from_utf8(&email[start..end]).ok()?.parse().ok()
}

fn header(email: &[u8], name: &str) -> Option<String> {
    let headers = member(email, 0, "headers", false)?;
    parse_string(email, member(email, headers, name, true)?)
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---- dates -----------------------------------------------------------------

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// days_from_civil).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Seconds since 1970 of an RFC 5322 date such as
/// "Tue, 1 Jul 2003 10:52:37 +0200" (the day name and seconds optional).
fn parse_rfc5322_date(date: &str) -> Option<i64> {
    let date = match date.find(',') {
        Some(comma) => &date[comma + 1..],
        None => date,
    };
    let mut parts = date.split_whitespace();
    let day: i64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?.get(..3)?.to_ascii_lowercase();
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let month = MONTHS.iter().position(|m| *m == month_name)? as i64 + 1;
    let mut year: i64 = parts.next()?.parse().ok()?;
    if year < 50 {
        year += 2000;
    } else if year < 1000 {
        year += 1900;
    }
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<i64>().ok());
    let (h, mi, sec) = (hms.next()??, hms.next()??, hms.next().unwrap_or(Some(0))?);
    let zone = parts.next().unwrap_or("+0000");
    let offset = match zone.as_bytes() {
        [sign @ (b'+' | b'-'), ..] if zone.len() == 5 => {
            let v: i64 = zone[1..].parse().ok()?;
            let minutes = v / 100 * 60 + v % 100;
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => 0, // "GMT", "UT", obsolete zones: take as UTC
    };
    if !(1..=31).contains(&day) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86400 + h * 3600 + mi * 60 + sec - offset * 60)
}

// ---- the plugin --------------------------------------------------------------

const DEFAULT_MESSAGE: &str = "Hello,\n\nI am away and will read your message when I am back.\n";

fn on_email() -> Result<i32, String> {
    let email = input();
    let rc = call_host(extism::deliver, std::str::from_utf8(&email).map_err(|e| e.to_string())?);
    if rc != 0 {
        return Ok(rc);
    }

    let sender = field_string(&email, "sender").unwrap_or_default().to_ascii_lowercase();
    let receiver = field_string(&email, "receiver").unwrap_or_default().to_ascii_lowercase();
    if sender.is_empty() || sender == receiver {
        return Ok(0);
    }

    let days: i64 = match config("days") {
        Some(d) => d.trim().parse().map_err(|_| format!("config days is not a number: {d}"))?,
        None => 7,
    };
    let now = field_integer(&email, "receivedAt")
        .or_else(|| header(&email, "Date").and_then(|d| parse_rfc5322_date(&d)));
    let key = format!("vacation:{sender}");
    let last: Option<i64> = var_get(&key).and_then(|v| v.trim().parse().ok());
    let due = match (last, now) {
        (None, _) => true,
        (Some(last), Some(now)) => now - last >= days * 86400,
        (Some(_), None) => false,
    };
    if !due {
        log(&format!("already replied to {sender} recently"));
        return Ok(0);
    }

    let subject = config("subject").unwrap_or_else(|| {
        format!("Auto: {}", header(&email, "Subject").unwrap_or_default())
    });
    let body = config("message").unwrap_or_else(|| DEFAULT_MESSAGE.to_string());
    let json = format!("{{\"subject\":{},\"body\":{}}}", json_string(&subject), json_string(&body));
    if call_host(extism::reply, &json) == 0 {
        var_set(&key, &now.unwrap_or(0).to_string());
    } else {
        log(&format!("reply to {sender} refused"));
    }
    Ok(0)
}

#[no_mangle]
#[allow(non_snake_case)]
pub extern "C" fn onEmail() -> i32 {
    match on_email() {
        Ok(rc) => {
            let out = store(rc.to_string().as_bytes());
            unsafe { extism::output_set(out, extism::length(out)) };
            0
        }
        Err(message) => {
            unsafe { extism::error_set(store(message.as_bytes())) };
            1
        }
    }
}
