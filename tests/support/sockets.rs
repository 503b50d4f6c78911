//! What sockets a running process holds, and whether each is one the
//! program may have: it promises to use no network. Read from `/proc`:
//! the process's descriptors (`/proc/PID/fd`, links `socket:[INODE]`), then
//! each inode in its network namespace's tables (`/proc/PID/net/unix`,
//! `tcp`, `tcp6`, `udp`, `udp6`, `netlink`, …). A unix socket's own entry
//! has no name when it is the connecting end, so whom it talks to comes
//! from `ss -x` (the peer's inode), whose entry then names the server.
//!
//! Allowed:
//! - the X server: a unix socket to `/tmp/.X11-unix/X<n>` or the abstract
//!   `@/tmp/.X11-unix/X<n>`;
//! - the print server, CUPS: `/run/cups/cups.sock` (or its old
//!   `/var/run/…` path), or TCP to port 631 on 127.0.0.1 or ::1;
//! - the D-Bus session bus, at the addresses the caller names (the save
//!   dialog asks the desktop portal over it). A unix socket, on the same
//!   computer: local messages between programs, not network — but it is
//!   listed here by name, not let through as « any unix socket »;
//! - the two ends of a socket pair the process holds both of (threads of
//!   the program waking each other), an unnamed socket connected to
//!   nothing, and netlink (talk with the kernel, not a network).
//!
//! Anything else fails: any other TCP or UDP socket (listening ones too),
//! a raw or packet socket, a unix socket bound to a name (the program
//! would be serving), or connected to any other program.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::process::Command;

/// The inode in a descriptor's link, `socket:[12345]`.
pub fn socket_inode(link: &str) -> Option<u64> {
    link.strip_prefix("socket:[")?
        .strip_suffix(']')?
        .parse()
        .ok()
}

/// A line of `/proc/net/unix`: the socket's inode and the name it is
/// bound to (`@…` for an abstract name), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unix {
    pub inode: u64,
    pub path: Option<String>,
}

/// Parses `/proc/net/unix`:
/// `Num RefCount Protocol Flags Type St Inode Path`.
pub fn parse_unix(text: &str) -> Vec<Unix> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let inode = fields.nth(6)?.parse().ok()?;
            let path: Vec<&str> = fields.collect();
            Some(Unix {
                inode,
                path: (!path.is_empty()).then(|| path.join(" ")),
            })
        })
        .collect()
}

/// A line of `/proc/net/tcp*` or `udp*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inet {
    pub protocol: &'static str,
    pub local: SocketAddr,
    pub remote: SocketAddr,
    pub inode: u64,
}

/// An address as the kernel prints it: hex, each 32-bit word in the
/// machine's byte order, then `:PORT` in hex.
fn parse_address(text: &str) -> Option<SocketAddr> {
    let (ip, port) = text.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let words: Vec<u32> = (0..ip.len() / 8)
        .map(|i| {
            ip.get(i * 8..i * 8 + 8)
                .and_then(|w| u32::from_str_radix(w, 16).ok())
        })
        .collect::<Option<_>>()?;
    let ip = match (ip.len(), &words[..]) {
        (8, [w]) => IpAddr::V4(Ipv4Addr::from(w.to_ne_bytes())),
        (32, words) => {
            let mut bytes = [0u8; 16];
            for (i, w) in words.iter().enumerate() {
                bytes[i * 4..i * 4 + 4].copy_from_slice(&w.to_ne_bytes());
            }
            IpAddr::V6(Ipv6Addr::from(bytes))
        }
        _ => return None,
    };
    Some(SocketAddr::new(ip, port))
}

/// Parses `/proc/net/tcp`, `tcp6`, `udp` or `udp6`:
/// `sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …`.
pub fn parse_inet(text: &str, protocol: &'static str) -> Vec<Inet> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            Some(Inet {
                protocol,
                local: parse_address(fields.get(1)?)?,
                remote: parse_address(fields.get(2)?)?,
                inode: fields.get(9)?.parse().ok()?,
            })
        })
        .collect()
}

/// The inodes of a table whose inode is in a known column: netlink
/// (column 9), raw and packet sockets.
pub fn parse_inodes(text: &str, column: usize) -> HashSet<u64> {
    text.lines()
        .skip(1)
        .filter_map(|line| line.split_whitespace().nth(column)?.parse().ok())
        .collect()
}

/// The peer of each connected unix socket, from `ss -x -a -n -H`:
/// `Netid State Recv-Q Send-Q Local-Address Local-Inode Peer-Address
/// Peer-Inode`. An address is `*` when the socket has no name.
pub fn parse_ss_peers(text: &str) -> HashMap<u64, u64> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let inode = fields.get(5)?.parse().ok()?;
            let peer: u64 = fields.get(7)?.parse().ok()?;
            (peer != 0).then_some((inode, peer))
        })
        .collect()
}

/// Everything known about the sockets of one network namespace.
#[derive(Debug, Default)]
pub struct Tables {
    pub unix: Vec<Unix>,
    pub inet: Vec<Inet>,
    pub netlink: HashSet<u64>,
    /// Raw and packet sockets: never allowed.
    pub raw: HashSet<u64>,
    /// Each connected unix socket's peer; `None` when `ss` was not there.
    pub peers: Option<HashMap<u64, u64>>,
}

/// An X server's socket, by path or abstract name.
fn x11(path: &str) -> bool {
    let rest = path.strip_prefix('@').unwrap_or(path);
    rest.strip_prefix("/tmp/.X11-unix/X")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn cups(path: &str) -> bool {
    matches!(path, "/run/cups/cups.sock" | "/var/run/cups/cups.sock")
}

/// TCP to the print server on this computer.
fn cups_tcp(socket: &Inet) -> bool {
    let loopback = match socket.remote.ip() {
        IpAddr::V4(ip) => ip == Ipv4Addr::LOCALHOST,
        IpAddr::V6(ip) => {
            ip == Ipv6Addr::LOCALHOST || ip.to_ipv4_mapped() == Some(Ipv4Addr::LOCALHOST)
        }
    };
    socket.protocol.starts_with("tcp") && loopback && socket.remote.port() == 631
}

/// Every socket among `own` (the process's socket inodes) that the
/// program may not have, each as a sentence; `bus` names the D-Bus
/// session bus addresses allowed (paths, or `@name` when abstract).
pub fn judge(own: &[u64], tables: &Tables, bus: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    let name_of = |inode: u64| tables.unix.iter().find(|u| u.inode == inode);
    for &inode in own {
        if let Some(socket) = tables.inet.iter().find(|s| s.inode == inode) {
            if !cups_tcp(socket) {
                problems.push(format!(
                    "{} socket {} → {} (inode {inode}): the program promises no network",
                    socket.protocol, socket.local, socket.remote
                ));
            }
        } else if let Some(socket) = name_of(inode) {
            if let Some(path) = &socket.path {
                problems.push(format!(
                    "unix socket bound to {path} (inode {inode}): the program serves nothing"
                ));
                continue;
            }
            let Some(peers) = &tables.peers else {
                // Told apart by the caller, which says why it cannot judge.
                continue;
            };
            let Some(&peer) = peers.get(&inode) else {
                continue; // connected to nothing
            };
            if own.contains(&peer) {
                continue; // both ends here
            }
            match name_of(peer).and_then(|p| p.path.as_deref()) {
                Some(path) if x11(path) || cups(path) || bus.iter().any(|b| b == path) => {}
                Some(path) => problems.push(format!(
                    "unix socket connected to {path} (inode {inode}): neither the X server, \
                     the print server nor the session bus"
                )),
                None => problems.push(format!(
                    "unix socket connected to an unnamed socket of another process \
                     (inode {inode} → {peer})"
                )),
            }
        } else if tables.netlink.contains(&inode) {
            // The kernel's own messages (devices, routes), not a network.
        } else if tables.raw.contains(&inode) {
            problems.push(format!("raw or packet socket (inode {inode})"));
        } else {
            problems.push(format!("a socket of unknown kind (inode {inode})"));
        }
    }
    problems
}

/// The socket inodes among the process's descriptors.
pub fn own_sockets(pid: u32) -> std::io::Result<Vec<u64>> {
    let mut inodes = Vec::new();
    for entry in fs::read_dir(format!("/proc/{pid}/fd"))? {
        // A descriptor closed between the listing and the reading is gone.
        if let Ok(link) = fs::read_link(entry?.path())
            && let Some(inode) = socket_inode(&link.to_string_lossy())
        {
            inodes.push(inode);
        }
    }
    Ok(inodes)
}

/// The tables of the process's network namespace; `ss` for the peers of
/// unix sockets, when it is installed (`None` otherwise).
pub fn read_tables(pid: u32) -> std::io::Result<Tables> {
    let net = |name: &str| fs::read_to_string(format!("/proc/{pid}/net/{name}"));
    // A table the kernel does not have (no IPv6) is empty.
    let optional = |name: &str| net(name).unwrap_or_default();
    let mut inet = Vec::new();
    for (name, protocol) in [
        ("tcp", "tcp"),
        ("tcp6", "tcp6"),
        ("udp", "udp"),
        ("udp6", "udp6"),
    ] {
        inet.extend(parse_inet(&optional(name), protocol));
    }
    let mut raw = HashSet::new();
    for name in ["raw", "raw6", "udplite", "udplite6"] {
        raw.extend(parse_inet(&optional(name), "raw").iter().map(|s| s.inode));
    }
    // packet: `sk RefCnt Type Proto Iface R Rmem User Inode`.
    raw.extend(parse_inodes(&optional("packet"), 8));
    let peers = Command::new("ss")
        .args(["-x", "-a", "-n", "-H"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| parse_ss_peers(&String::from_utf8_lossy(&o.stdout)));
    Ok(Tables {
        unix: parse_unix(&net("unix")?),
        inet,
        netlink: parse_inodes(&optional("netlink"), 9),
        raw,
        peers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIX: &str = "\
Num       RefCount Protocol Flags    Type St Inode Path
0000000000000000: 00000002 00000000 00010000 0001 01 2001 @/tmp/.X11-unix/X99
0000000000000000: 00000002 00000000 00010000 0001 01 2002 /tmp/.X11-unix/X99
0000000000000000: 00000003 00000000 00000000 0001 03 2003 @/tmp/.X11-unix/X99
0000000000000000: 00000003 00000000 00000000 0001 03 2004
0000000000000000: 00000003 00000000 00000000 0001 03 2005 /run/cups/cups.sock
0000000000000000: 00000003 00000000 00000000 0001 03 2006
0000000000000000: 00000003 00000000 00000000 0001 03 2007 /run/user/0/bus
0000000000000000: 00000003 00000000 00000000 0001 03 2008
0000000000000000: 00000003 00000000 00000000 0001 03 2009 /run/systemd/journal/stdout
0000000000000000: 00000003 00000000 00000000 0001 03 2010
0000000000000000: 00000003 00000000 00000000 0001 03 2011
0000000000000000: 00000003 00000000 00000000 0001 03 2012
0000000000000000: 00000002 00000000 00010000 0001 01 2013 @/tmp/my socket
";

    const TCP: &str = "\
  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:C350 0100007F:0277 01 00000000:00000000 00:00000000 00000000     0        0 3001 1 0000000000000000 20 4 30 10 -1
   1: 0F02000A:C351 22D8B85D:01BB 01 00000000:00000000 00:00000000 00000000     0        0 3002 1 0000000000000000 20 4 30 10 -1
   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3003 1 0000000000000000 100 0 0 10 0
   3: 0100007F:C352 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 3004 1 0000000000000000 20 4 30 10 -1
";

    const TCP6: &str = "\
  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:C353 00000000000000000000000001000000:0277 01 00000000:00000000 00:00000000 00000000     0        0 4001 1 0000000000000000 20 4 30 10 -1
   1: 00000000000000000000000001000000:C354 00000000000000000000000001000000:0050 01 00000000:00000000 00:00000000 00000000     0        0 4002 1 0000000000000000 20 4 30 10 -1
";

    const UDP: &str = "\
   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  100: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5001 2 0000000000000000 0
";

    const NETLINK: &str = "\
sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode
0000000000000000 0   1234       00000001 0        0        0     2        0        6001
";

    // Client sockets (no name of their own) and their peers: the X
    // server's accepted sockets, CUPS, the bus, the journal, a pair.
    const SS: &str = "\
u_str ESTAB 0 0 @/tmp/.X11-unix/X99 2003 * 2004
u_str ESTAB 0 0 * 2004 * 2003
u_str ESTAB 0 0 /run/cups/cups.sock 2005 * 2006
u_str ESTAB 0 0 * 2006 * 2005
u_str ESTAB 0 0 /run/user/0/bus 2007 * 2008
u_str ESTAB 0 0 * 2008 * 2007
u_str ESTAB 0 0 * 2010 * 2009
u_str ESTAB 0 0 * 2011 * 2012
u_str ESTAB 0 0 * 2012 * 2011
u_str LISTEN 0 4096 @/tmp/.X11-unix/X99 2001 * 0
";

    fn tables() -> Tables {
        let mut inet = parse_inet(TCP, "tcp");
        inet.extend(parse_inet(TCP6, "tcp6"));
        inet.extend(parse_inet(UDP, "udp"));
        Tables {
            unix: parse_unix(UNIX),
            inet,
            netlink: parse_inodes(NETLINK, 9),
            raw: HashSet::new(),
            peers: Some(parse_ss_peers(SS)),
        }
    }

    fn bus() -> Vec<String> {
        vec!["/run/user/0/bus".to_string()]
    }

    #[test]
    fn descriptor_links_name_socket_inodes_only() {
        assert_eq!(socket_inode("socket:[2004]"), Some(2004));
        assert_eq!(socket_inode("pipe:[2004]"), None);
        assert_eq!(socket_inode("/tmp/.X11-unix/X99"), None);
        assert_eq!(socket_inode("socket:[]"), None);
    }

    #[test]
    fn the_tables_are_read_as_the_kernel_writes_them() {
        let unix = parse_unix(UNIX);
        assert_eq!(unix.len(), 13);
        assert_eq!(unix[0].path.as_deref(), Some("@/tmp/.X11-unix/X99"));
        assert_eq!(unix[3].path, None);
        assert_eq!(unix[12].path.as_deref(), Some("@/tmp/my socket"));
        let tcp = parse_inet(TCP, "tcp");
        assert_eq!(tcp[0].remote.to_string(), "127.0.0.1:631");
        assert_eq!(tcp[1].local.to_string(), "10.0.2.15:50001");
        assert_eq!(tcp[1].remote.to_string(), "93.184.216.34:443");
        assert_eq!(tcp[2].inode, 3003);
        let tcp6 = parse_inet(TCP6, "tcp6");
        assert_eq!(tcp6[0].remote.to_string(), "[::1]:631");
        assert_eq!(parse_inodes(NETLINK, 9), HashSet::from([6001]));
        let peers = parse_ss_peers(SS);
        assert_eq!(peers.get(&2004), Some(&2003));
        assert_eq!(peers.get(&2001), None, "a listening socket has no peer");
    }

    #[test]
    fn the_x_server_the_print_server_the_bus_and_pairs_are_allowed() {
        // X11 (client 2004), CUPS by socket (2006) and by TCP on both
        // loopbacks (3001, 4001), the bus (2008), a pair held whole
        // (2011, 2012), netlink (6001).
        let own = [2004, 2006, 3001, 4001, 2008, 2011, 2012, 6001];
        assert_eq!(judge(&own, &tables(), &bus()), Vec::<String>::new());
    }

    #[test]
    fn any_network_socket_fails() {
        for (inode, says) in [
            (3002, "93.184.216.34:443"), // out to the internet
            (3003, "0.0.0.0:8080"),      // listening
            (3004, "127.0.0.1:8080"),    // loopback, but not the print server
            (4002, "[::1]:80"),
            (5001, "udp socket 0.0.0.0:5353"),
        ] {
            let problems = judge(&[2004, inode], &tables(), &bus());
            assert_eq!(problems.len(), 1, "{inode}: {problems:?}");
            assert!(problems[0].contains(says), "{inode}: {problems:?}");
        }
    }

    #[test]
    fn unix_sockets_to_anything_else_fail() {
        let t = tables();
        // Connected to the journal.
        let problems = judge(&[2010], &t, &bus());
        assert!(
            problems[0].contains("/run/systemd/journal/stdout"),
            "{problems:?}"
        );
        // The session bus when it is not named as allowed.
        assert_eq!(judge(&[2008], &t, &[]).len(), 1);
        // One end of a pair whose other end another process holds.
        assert!(judge(&[2011], &t, &bus())[0].contains("unnamed"));
        // Bound to a name: serving.
        assert!(judge(&[2013], &t, &bus())[0].contains("bound to @/tmp/my socket"));
        // Found in no table at all.
        assert!(judge(&[9999], &t, &bus())[0].contains("unknown kind"));
    }

    #[test]
    fn a_display_socket_is_told_from_look_alikes() {
        assert!(x11("/tmp/.X11-unix/X0") && x11("@/tmp/.X11-unix/X99"));
        assert!(!x11("/tmp/.X11-unix/X") && !x11("/tmp/.X11-unix/X0/../../evil"));
        assert!(!x11("/tmp/.X11-unix-evil/X0"));
    }
}
