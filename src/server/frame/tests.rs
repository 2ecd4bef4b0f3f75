#![allow(clippy::unwrap_used)]

use super::*;

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

fn read_all(input: &str) -> Vec<Incoming> {
    let mut r = FrameReader::new(input.as_bytes());
    std::iter::from_fn(|| r.next_frame()).collect()
}

const PING: &str = r#"{"jsonrpc":"2.0","id":7,"method":"ping"}"#;

fn is_ping(m: &Incoming) -> bool {
    matches!(m, Incoming::Request { id, method, .. } if id == 7 && method == "ping")
}

fn code(m: &Incoming) -> Option<i32> {
    match m {
        Incoming::Invalid { code, .. } => Some(*code),
        _ => None,
    }
}

#[test]
fn requests_notifications_and_responses_are_told_apart() {
    let input = frame(PING)
        + &frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        + &frame(r#"{"jsonrpc":"2.0","id":"a","result":null}"#);
    let got = read_all(&input);
    assert_eq!(got.len(), 3);
    assert!(is_ping(&got[0]));
    assert!(matches!(&got[1], Incoming::Notification { method, .. } if method == "initialized"));
    assert!(matches!(got[2], Incoming::Response));
}

#[test]
fn invalid_json_is_a_parse_error_and_reading_goes_on() {
    let got = read_all(&(frame("{not json") + &frame(PING)));
    assert_eq!(code(&got[0]), Some(PARSE_ERROR));
    assert!(is_ping(&got[1]), "{got:?}");
}

#[test]
fn a_length_too_long_keeps_the_message_and_gives_back_the_next_frame() {
    // The lie swallows the first 20 bytes of the next frame's header.
    let input = format!("Content-Length: {}\r\n\r\n{PING}", PING.len() + 20) + &frame(PING);
    let got = read_all(&input);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(is_ping(&got[0]) && is_ping(&got[1]));
}

#[test]
fn a_length_too_short_is_a_parse_error_and_the_next_frame_is_found() {
    let input = format!("Content-Length: {}\r\n\r\n{PING}", PING.len() - 10) + &frame(PING);
    let got = read_all(&input);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(code(&got[0]), Some(PARSE_ERROR));
    assert!(is_ping(&got[1]));
}

#[test]
fn a_non_numeric_or_missing_length_is_a_parse_error() {
    let input = format!("Content-Length: twelve\r\n\r\n{PING}") + &frame(PING);
    let got = read_all(&input);
    assert_eq!(code(&got[0]), Some(PARSE_ERROR));
    assert!(is_ping(&got[1]), "{got:?}");

    let got = read_all(&("Content-Type: x\r\nnoise\r\n\r\n".to_string() + &frame(PING)));
    assert_eq!(code(&got[0]), Some(PARSE_ERROR));
    assert!(is_ping(&got[1]), "{got:?}");
}

#[test]
fn a_length_over_the_limit_is_refused_without_reading_the_body() {
    let input = format!("Content-Length: {}\r\n\r\nxxxx", MAX_BODY + 1) + &frame(PING);
    let got = read_all(&input);
    assert_eq!(code(&got[0]), Some(PARSE_ERROR));
    assert!(is_ping(&got[1]), "{got:?}");
}

#[test]
fn json_that_is_not_a_message_is_an_invalid_request_keeping_its_id() {
    let got = read_all(
        &(frame("[1,2]")
            + &frame(r#"{"jsonrpc":"2.0","id":3}"#)
            + &frame(r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)
            + &frame(r#"{"jsonrpc":"2.0","id":4,"method":5}"#)),
    );
    assert_eq!(got.len(), 4);
    assert!(
        got.iter().all(|m| code(m) == Some(INVALID_REQUEST)),
        "{got:?}"
    );
    assert!(matches!(&got[1], Incoming::Invalid { id, .. } if id == 3));
    assert!(matches!(&got[2], Incoming::Invalid { id, .. } if id.is_null()));
    assert!(matches!(&got[3], Incoming::Invalid { id, .. } if id == 4));
}

#[test]
fn a_message_cut_off_by_the_end_of_the_stream_is_dropped() {
    let input = frame(PING) + "Content-Length: 100\r\n\r\n{\"jsonrpc\"";
    let got = read_all(&input);
    assert_eq!(got.len(), 1);
    assert!(is_ping(&got[0]));
}

#[test]
fn an_endless_header_line_is_noise_not_a_buffer() {
    let input = "x".repeat(100_000) + "\r\n\r\n" + &frame(PING);
    let got = read_all(&input);
    assert_eq!(code(&got[0]), Some(PARSE_ERROR));
    assert!(is_ping(&got[1]), "{got:?}");
}
