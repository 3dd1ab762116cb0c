//! A TCP proxy on a fixed loopback port in front of a fake server, for outages: `start` accepts
//! and pipes, `stop` refuses new connections and cuts the open ones (as a server that is
//! killed or unplugged).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub struct Proxy {
    pub addr: SocketAddr,
    to: SocketAddr,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Proxy {
    /// A proxy to `to` on a free port, not started yet.
    pub async fn new(to: SocketAddr) -> Proxy {
        let free = TcpListener::bind("127.0.0.1:0").await.expect("port");
        let addr = free.local_addr().expect("addr");
        drop(free);
        Proxy {
            addr,
            to,
            tasks: Arc::default(),
        }
    }

    pub async fn start(&self) {
        let listener = TcpListener::bind(self.addr).await.expect("proxy bind");
        let (to, tasks) = (self.to, self.tasks.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let pipe = tokio::spawn(async move {
                    if let Ok(mut out) = tokio::net::TcpStream::connect(to).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
                tasks.lock().expect("tasks").push(pipe);
            }
        });
        self.tasks.lock().expect("tasks").push(accept);
    }

    pub fn stop(&self) {
        for t in self.tasks.lock().expect("tasks").drain(..) {
            t.abort();
        }
    }
}
