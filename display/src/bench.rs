//! Latency benchmark: `--clients` SSE display clients (the display's own network code) follow
//! a site while a staff member issues and calls `--calls` tickets over HTTP. For every call
//! and every client it measures call request sent → `called` event received, prints a
//! table, and ends with `summary: p50_ms=N p99_ms=N displays=N`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use futures_util::StreamExt;
use madoguchi_protocol::{
    CounterActionResponse, EventBody, IssueTicketRequest, IssuedTicket, Lang, LoginRequest,
    LoginResponse, Needs,
};
use tokio::sync::mpsc;

use crate::config::{BenchArgs, DisplayArgs};
use crate::net::{Endpoint, Heard, Servers, fetch_board, open_events};

/// How long to wait for every client to see one call before counting it as lost.
const CALL_TIMEOUT: Duration = Duration::from_secs(5);

pub fn run(display: &DisplayArgs, args: &BenchArgs) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the tokio runtime")?;
    rt.block_on(bench(display, args))
}

async fn bench(display: &DisplayArgs, args: &BenchArgs) -> anyhow::Result<()> {
    // The first server of the list is measured.
    let server = display.server.current_url().to_owned();
    let ep = Endpoint {
        servers: Servers::new(display.server.clone()),
        site: display.site.clone(),
        token: display.token.clone(),
    };
    let client = reqwest::Client::new();
    let board = fetch_board(&client, &ep)
        .await
        .context("is the server running? start it with --open-all-hours")?;
    let login: LoginResponse = post(
        &client,
        &format!("{server}/api/login"),
        None,
        &LoginRequest {
            user: args.user.clone(),
            password: args.password.clone(),
            site: ep.site.clone(),
            counter: Some(args.counter.clone()),
        },
    )
    .await
    .context("staff login failed")?;

    // The display clients: each reports (client, number, when) for every call it sees.
    let (seen_tx, mut seen_rx) = mpsc::unbounded_channel::<(usize, String, Instant)>();
    let mut ready = Vec::new();
    for i in 0..args.clients {
        let (_, stream) = open_events(&client, &ep, board.last_event_id, Heard::new())
            .await
            .with_context(|| format!("display client {i} could not open the event stream"))?;
        let tx = seen_tx.clone();
        ready.push(tokio::spawn(async move {
            futures_util::pin_mut!(stream);
            while let Some(Ok(event)) = stream.next().await {
                if let EventBody::Called { call, .. } = &event.body
                    && tx.send((i, call.number.clone(), Instant::now())).is_err()
                {
                    return;
                }
            }
        }));
    }
    drop(seen_tx);

    let auth = Some(login.token.as_str());
    let counter_url = |action: &str| {
        format!(
            "{}/api/sites/{}/counters/{}/{action}",
            server, ep.site, args.counter
        )
    };
    let mut samples: Vec<f64> = Vec::with_capacity(args.calls * args.clients);
    let mut lost = 0usize;
    for _ in 0..args.calls {
        let issued: IssuedTicket = post(
            &client,
            &format!("{server}/api/sites/{}/tickets", ep.site),
            auth,
            &IssueTicketRequest {
                service: args.service.clone(),
                lang: Lang::Ja,
                needs: Needs::default(),
            },
        )
        .await
        .context("issuing a ticket failed")?;
        let number = issued.ticket.number;
        let sent = Instant::now();
        let called: CounterActionResponse = post(
            &client,
            &counter_url("call-next"),
            auth,
            &serde_json::json!({}),
        )
        .await?;
        let Some(ticket) = called.ticket else {
            bail!("call-next called nobody: is another counter taking the tickets?");
        };
        let mut got: HashMap<usize, Instant> = HashMap::new();
        let deadline = tokio::time::Instant::now() + CALL_TIMEOUT;
        while got.len() < args.clients {
            match tokio::time::timeout_at(deadline, seen_rx.recv()).await {
                Ok(Some((i, n, at))) if n == ticket.number => {
                    got.insert(i, at);
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break,
            }
        }
        lost += args.clients - got.len();
        samples.extend(
            got.values()
                .map(|at| at.duration_since(sent).as_secs_f64() * 1000.0),
        );
        if ticket.number != number {
            tracing::debug!(issued = %number, called = %ticket.number, "an older ticket was called first");
        }
        let _: CounterActionResponse =
            post(&client, &counter_url("done"), auth, &serde_json::json!({})).await?;
    }
    for task in ready {
        task.abort();
    }
    if samples.is_empty() {
        bail!("no display client received any call");
    }
    samples.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        let idx = ((samples.len() as f64 - 1.0) * p).round() as usize;
        samples[idx.min(samples.len() - 1)]
    };
    println!("| displays | calls | samples | lost | p50 ms | p90 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|---|---|");
    println!(
        "| {} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
        args.clients,
        args.calls,
        samples.len(),
        lost,
        pct(0.5),
        pct(0.9),
        pct(0.99),
        samples[samples.len() - 1]
    );
    println!(
        "summary: p50_ms={} p99_ms={} displays={}",
        pct(0.5).ceil() as u64,
        pct(0.99).ceil() as u64,
        args.clients
    );
    Ok(())
}

async fn post<T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
    bearer: Option<&str>,
    body: &impl serde::Serialize,
) -> anyhow::Result<T> {
    let mut req = client.post(url).json(body);
    if let Some(token) = bearer {
        req = req.bearer_auth(token);
    }
    let resp = req.send().await.with_context(|| format!("POST {url}"))?;
    let status = resp.status();
    let text = resp.text().await.unwrap_or_default();
    if !status.is_success() {
        bail!("POST {url} answered {status}: {text}");
    }
    serde_json::from_str(&text).with_context(|| format!("POST {url}: unexpected answer {text}"))
}
