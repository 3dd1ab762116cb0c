//! The bevy side of the network link: folds what the network thread sends into the board,
//! queues announcements, and asks for a fresh snapshot when the board cannot follow.

use std::sync::{Mutex, mpsc};

use bevy::prelude::*;

use crate::board::{BoardView, Filter, Outcome};
use crate::config::DisplayArgs;
use crate::net::{Endpoint, NetCmd, NetMsg, Servers, spawn};
use crate::ui::{BoardState, Clock};

/// The bevy side: receives what the thread sends and folds it into the board.
#[derive(Resource)]
struct NetLink {
    rx: Mutex<mpsc::Receiver<NetMsg>>,
    cmd: tokio::sync::mpsc::UnboundedSender<NetCmd>,
    filter: Filter,
}

/// Connects to the servers of `args` (through `servers`, shared with the staff alert) and
/// keeps `BoardState` live.
pub fn plugin(args: &DisplayArgs, servers: Servers) -> impl Fn(&mut App) + use<> {
    let ep = Endpoint {
        servers,
        site: args.site.clone(),
        token: args.token.clone(),
    };
    let filter = args.filter();
    move |app: &mut App| match spawn(ep.clone()) {
        Ok((rx, cmd)) => {
            app.insert_resource(NetLink {
                rx: Mutex::new(rx),
                cmd,
                filter: filter.clone(),
            });
            app.add_systems(PreUpdate, receive);
        }
        Err(err) => error!(cause = %err, "cannot start the network thread; the board stays empty"),
    }
}

fn receive(
    link: Res<NetLink>,
    clock: Res<Clock>,
    mut state: ResMut<BoardState>,
    mut announcer: Option<ResMut<crate::audio::Voice>>,
) {
    let Ok(rx) = link.rx.lock() else { return };
    let now = clock.now();
    while let Ok(msg) = rx.try_recv() {
        match msg {
            NetMsg::Snapshot(board) => {
                let offline = state.view.as_ref().and_then(|v| v.offline_since);
                let mut view = BoardView::from_board(&board, link.filter.clone(), now);
                view.offline_since = offline;
                state.view = Some(view);
            }
            NetMsg::Event(event) => {
                let Some(view) = state.view.as_mut() else {
                    continue;
                };
                match view.apply(&event, now) {
                    Outcome::Ignored => continue,
                    Outcome::Applied => {}
                    Outcome::Announce(call) => {
                        if let Some(a) = announcer.as_mut() {
                            a.0.enqueue(&call);
                        }
                    }
                    Outcome::Reload => {
                        let _ = link.cmd.send(NetCmd::Reload);
                    }
                }
            }
            NetMsg::Online => {
                if let Some(v) = state.view.as_mut() {
                    v.set_online();
                }
            }
            NetMsg::Offline(reason) => match state.view.as_mut() {
                Some(v) => v.set_offline(now),
                None => state.status = reason,
            },
        }
        state.changed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::announce::Announcer;

    /// The bevy side of the link, headless: snapshot, a call (announced), a gap (reload
    /// asked of the network thread), offline and online marks.
    #[test]
    fn received_messages_drive_the_board_and_the_announcer() {
        use crate::announce::SoundSettings;
        use crate::audio::Voice;
        use crate::demo::{busy_board, call, called, demo_now};
        use madoguchi_protocol::Lang;

        let (tx, rx) = mpsc::channel();
        let (cmd_tx, mut cmd_rx) = tokio::sync::mpsc::unbounded_channel();
        let mut app = App::new();
        app.add_plugins(MinimalPlugins)
            .init_resource::<BoardState>()
            .insert_resource(Clock {
                fixed: Some(demo_now()),
                caption: None,
            })
            .insert_resource(Voice(Announcer::new(SoundSettings::default())))
            .insert_resource(NetLink {
                rx: Mutex::new(rx),
                cmd: cmd_tx,
                filter: Filter::default(),
            })
            .add_systems(PreUpdate, receive);

        let board = busy_board();
        let last = board.last_event_id;
        tx.send(NetMsg::Snapshot(Box::new(board))).unwrap();
        let c = call("A-047", "2", Lang::Vi, demo_now());
        tx.send(NetMsg::Event(Box::new(called(last + 1, c))))
            .unwrap();
        app.update();
        let state = app.world().resource::<BoardState>();
        let view = state.view.as_ref().unwrap();
        assert_eq!(view.calls[0].number, "A-047");
        assert_eq!(view.last_event_id, last + 1);
        let pending = app.world().resource::<Voice>().0.pending();
        assert_eq!(
            pending,
            crate::announce::announcement(&call("A-047", "2", Lang::Vi, demo_now()))
                .unwrap()
                .len()
        );
        assert!(cmd_rx.try_recv().is_err(), "no reload without a gap");

        tx.send(NetMsg::Offline("test".into())).unwrap();
        let gap = call("A-050", "1", Lang::Ja, demo_now());
        tx.send(NetMsg::Event(Box::new(called(last + 5, gap))))
            .unwrap();
        app.update();
        assert_eq!(cmd_rx.try_recv().ok(), Some(NetCmd::Reload));
        let view = app.world().resource::<BoardState>().view.clone().unwrap();
        assert_eq!(view.offline_since, Some(demo_now()));
        assert_eq!(
            view.last_event_id,
            last + 1,
            "the gap event was not applied"
        );

        tx.send(NetMsg::Online).unwrap();
        app.update();
        let view = app.world().resource::<BoardState>().view.clone().unwrap();
        assert_eq!(view.offline_since, None);
    }
}
