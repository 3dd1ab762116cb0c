//! Network printing against fake printers on loopback: bytes arrive, status answers map to
//! errors, a refused port is `Offline`.

use std::net::TcpListener;

use madoguchi_printer::decode::{self, Command};
use madoguchi_printer::{
    PrintError, PrinterSpec, encode, print, print_with_report, render, status,
};

use super::fake_printer::{Answers, FakePrinter};
use super::ticket;

#[test]
fn silent_printer_receives_the_ticket() {
    let fake = FakePrinter::start(None);
    let layout = ticket("vi");
    print(&fake.spec(), &layout).expect("prints");
    let received = fake.received();
    let expected = encode(&render(&layout, 576).expect("renders"));
    // Status requests first (unanswered), then exactly the ticket.
    let commands = decode::decode(&received).expect("decodes");
    assert_eq!(commands.first(), Some(&Command::StatusRequest(1)));
    assert!(
        received.ends_with(&expected),
        "the ticket bytes arrive whole"
    );
}

#[test]
fn ready_printer_is_asked_all_statuses_then_prints() {
    let fake = FakePrinter::start(Some(Answers::READY));
    let layout = ticket("ja");
    print(&fake.spec(), &layout).expect("prints");
    let received = fake.received();
    let commands = decode::decode(&received).expect("decodes");
    assert_eq!(
        commands[..3],
        [
            Command::StatusRequest(1),
            Command::StatusRequest(2),
            Command::StatusRequest(4)
        ]
    );
    let image = decode::raster_image(&commands)
        .expect("bands")
        .expect("image");
    assert_eq!(image.width(), 576);
    // After the cut, the status is read again (paper near end reaches staff).
    let cut = commands
        .iter()
        .position(|c| matches!(c, Command::Cut { .. }))
        .expect("cut");
    assert_eq!(
        commands[cut + 1..],
        [
            Command::StatusRequest(1),
            Command::StatusRequest(2),
            Command::StatusRequest(4)
        ]
    );
}

#[test]
fn paper_near_end_is_reported_after_a_ticket_that_printed() {
    let fake = FakePrinter::start(Some(Answers::NEAR_END));
    let report = print_with_report(&fake.spec(), &ticket("ja")).expect("still prints");
    assert!(report.paper_near_end());
    assert!(report.after.answered());
    drop(fake.received());
    let fine = FakePrinter::start(Some(Answers::READY));
    assert!(
        !print_with_report(&fine.spec(), &ticket("ja"))
            .expect("prints")
            .paper_near_end()
    );
    drop(fine.received());
}

#[test]
fn paper_out_answer_gives_paper_out_and_prints_nothing() {
    let fake = FakePrinter::start(Some(Answers::PAPER_OUT));
    let result = print(&fake.spec(), &ticket("en"));
    assert!(matches!(result, Err(PrintError::PaperOut)), "{result:?}");
    let received = fake.received();
    assert_eq!(
        received,
        [0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4],
        "only status requests"
    );
}

#[test]
fn cover_open_answer_gives_cover_open() {
    let fake = FakePrinter::start(Some(Answers::COVER_OPEN));
    let result = print(&fake.spec(), &ticket("en"));
    assert!(matches!(result, Err(PrintError::CoverOpen)), "{result:?}");
    drop(fake.received());
}

#[test]
fn status_query_reports_what_the_printer_said() {
    let fake = FakePrinter::start(Some(Answers::PAPER_OUT));
    let st = status(&fake.spec()).expect("connects").expect("answered");
    assert!(st.paper_out() && st.offline() && !st.cover_open());
    drop(fake.received());

    let silent = FakePrinter::start(None);
    assert_eq!(status(&silent.spec()).expect("connects"), None);
    drop(silent.received());
}

#[test]
fn refused_port_is_offline() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let spec = PrinterSpec::Tcp {
        host: "127.0.0.1".into(),
        port,
    };
    let result = print(&spec, &ticket("en"));
    match result {
        Err(e @ PrintError::Offline(_)) => assert!(e.to_string().contains("127.0.0.1"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn status_bytes_map_to_errors() {
    use madoguchi_printer::PrinterStatus;
    use madoguchi_printer::status::{OFFLINE_CAUSE, PAPER, PRINTER};
    let with = |answers: &[(u8, u8)]| {
        let mut st = PrinterStatus::default();
        for &(kind, byte) in answers {
            st.record(kind, byte);
        }
        st
    };
    assert!(
        with(&[(PRINTER, 0x12), (OFFLINE_CAUSE, 0x12), (PAPER, 0x12)])
            .check()
            .is_ok()
    );
    // Paper near its end still prints, and says so.
    let near = with(&[(PAPER, 0x1E)]);
    assert!(near.check().is_ok() && near.paper_near_end());
    assert!(matches!(
        with(&[(PAPER, 0x72)]).check(),
        Err(PrintError::PaperOut)
    ));
    assert!(matches!(
        with(&[(OFFLINE_CAUSE, 0x16), (PAPER, 0x72)]).check(),
        Err(PrintError::CoverOpen)
    ));
    assert!(matches!(
        with(&[(PRINTER, 0x1A)]).check(),
        Err(PrintError::Offline(_))
    ));
    assert!(matches!(
        with(&[(OFFLINE_CAUSE, 0x52)]).check(),
        Err(PrintError::Offline(_))
    ));
    // A byte that is not a status answer (fixed bits wrong) is ignored.
    let junk = with(&[(PAPER, 0xFF)]);
    assert!(!junk.answered() && junk.check().is_ok());
}
