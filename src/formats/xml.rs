//! The XML of a document part as a small tree, built by `quick-xml` with its namespaces
//! resolved, so that the readers match elements by namespace and local name whatever prefixes
//! a writer chose. A DTD is never read: its entities are not expanded (neither external ones
//! nor the nested internal ones of a "billion laughs"), and an unknown `&name;` stays as it is
//! written. Depth is capped, so that the readers' recursion over the tree stays shallow.

use super::{Code, Error};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// How deep elements may nest (real documents stay well below 100).
pub const MAX_DEPTH: usize = 400;

/// The namespaces the readers look at; every other one is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ns {
    Office,
    Style,
    Text,
    Table,
    Draw,
    Fo,
    Svg,
    Xml,
    Manifest,
    W,
    R,
    Rel,
    Ct,
    Mc,
    Other,
    None,
}

fn ns_of(uri: &[u8]) -> Ns {
    match uri {
        b"urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
        b"urn:oasis:names:tc:opendocument:xmlns:style:1.0" => Ns::Style,
        b"urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
        b"urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
        b"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::Draw,
        b"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" => Ns::Fo,
        b"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" => Ns::Svg,
        b"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" => Ns::Manifest,
        b"http://www.w3.org/XML/1998/namespace" => Ns::Xml,
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        | b"http://purl.oclc.org/ooxml/officeDocument/relationships" => Ns::R,
        b"http://schemas.openxmlformats.org/package/2006/relationships" => Ns::Rel,
        b"http://schemas.openxmlformats.org/package/2006/content-types" => Ns::Ct,
        b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        _ => Ns::Other,
    }
}

#[derive(Debug, Default)]
pub struct El {
    pub ns: Option<Ns>,
    pub name: String,
    attrs: Vec<(Ns, String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub enum Node {
    El(El),
    Text(String),
}

impl El {
    pub fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == Some(ns) && self.name == name
    }

    pub fn attr(&self, ns: Ns, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, k, _)| *n == ns && k == name)
            .map(|(_, _, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, ns: Ns, name: &str) -> Option<&El> {
        self.elements().find(|e| e.is(ns, name))
    }

    /// The first element of that name anywhere below (depth first).
    pub fn find(&self, ns: Ns, name: &str) -> Option<&El> {
        for e in self.elements() {
            if e.is(ns, name) {
                return Some(e);
            }
            if let Some(f) = e.find(ns, name) {
                return Some(f);
            }
        }
        None
    }

    /// Every element of that name below, depth first, not looking inside a match.
    pub fn find_all<'a>(&'a self, ns: Ns, name: &str, out: &mut Vec<&'a El>) {
        for e in self.elements() {
            if e.is(ns, name) {
                out.push(e);
            } else {
                e.find_all(ns, name, out);
            }
        }
    }
}

fn broken(part: &str, why: impl std::fmt::Display) -> Error {
    Error::new(
        Code::CorruptDocument,
        format!("the file is damaged: its part {part} is not well-formed XML ({why})"),
    )
}

/// Parses one part into its root element. `part` names it in messages.
pub fn parse(bytes: &[u8], part: &str) -> Result<El, Error> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(broken(part, "UTF-16, which these files never use"));
    }
    let mut r = NsReader::from_reader(bytes);
    r.config_mut().trim_text(false);
    r.config_mut().expand_empty_elements = true;
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        let (ns, ev) = r.read_resolved_event().map_err(|e| broken(part, e))?;
        let ns = match ns {
            ResolveResult::Bound(n) => Some(ns_of(n.as_ref())),
            ResolveResult::Unbound => Some(Ns::None),
            ResolveResult::Unknown(_) => Some(Ns::Other),
        };
        match ev {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(broken(part, "elements nested too deeply"));
                }
                let mut el = El {
                    ns,
                    name: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
                    ..El::default()
                };
                for a in e.attributes().with_checks(false) {
                    let a = a.map_err(|e| broken(part, e))?;
                    let (ans, local) = r.resolve_attribute(a.key);
                    let ans = match ans {
                        ResolveResult::Bound(n) => ns_of(n.as_ref()),
                        ResolveResult::Unbound => Ns::None,
                        ResolveResult::Unknown(_) => Ns::Other,
                    };
                    if a.key.as_ref().starts_with(b"xmlns") {
                        continue;
                    }
                    let raw = String::from_utf8_lossy(&a.value);
                    el.attrs.push((
                        ans,
                        String::from_utf8_lossy(local.as_ref()).into_owned(),
                        unescape(&raw),
                    ));
                }
                stack.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().ok_or_else(|| broken(part, "unbalanced"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::El(el)),
                    None => return Err(broken(part, "unbalanced")),
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| broken(part, e))?;
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t);
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(g) => {
                let name = String::from_utf8_lossy(&g);
                let s = resolve_ref(&name).unwrap_or_else(|| format!("&{name};"));
                push_text(&mut stack, &s);
            }
            Event::Eof => break,
            // Declarations, comments, processing instructions and DTDs carry no text; a DTD's
            // entities are never defined, so never expanded.
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(broken(part, "it ends inside an element (cut short?)"));
    }
    let top = stack.pop().unwrap_or_default();
    top.children
        .into_iter()
        .find_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| broken(part, "no root element"))
}

fn push_text(stack: &mut [El], s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(top) = stack.last_mut() {
        if let Some(Node::Text(t)) = top.children.last_mut() {
            t.push_str(s);
        } else {
            top.children.push(Node::Text(s.to_owned()));
        }
    }
}

/// `&amp;` and the other four, and character references; `None` for anything else.
fn resolve_ref(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|&c| c != '\0')
            .map(String::from);
    }
    quick_xml::escape::resolve_predefined_entity(name).map(String::from)
}

/// An attribute value with its references resolved (unknown ones kept as written).
fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let after = &rest[k + 1..];
        match after.find(';').filter(|&e| e <= 12) {
            Some(e) => match resolve_ref(&after[..e]) {
                Some(s) => {
                    out.push_str(&s);
                    rest = &after[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = after;
                }
            },
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_resolve_whatever_the_prefix() {
        let x = br#"<?xml version="1.0"?><a:document xmlns:a="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><a:p a:rsid="1"><a:t>x &amp; &#x4e00;&#19968; &lt;</a:t></a:p></a:document>"#;
        let root = parse(x, "t").unwrap();
        assert!(root.is(Ns::W, "document"));
        let p = root.child(Ns::W, "p").unwrap();
        assert_eq!(p.attr(Ns::W, "rsid"), Some("1"));
        let Node::Text(t) = &p.child(Ns::W, "t").unwrap().children[0] else {
            panic!()
        };
        assert_eq!(t, "x & 一一 <");
    }

    #[test]
    fn a_dtd_is_never_expanded() {
        let x = br#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<r>&lol2;&xxe;</r>"#;
        let root = parse(x, "t").unwrap();
        let Node::Text(t) = &root.children[0] else {
            panic!()
        };
        assert_eq!(t, "&lol2;&xxe;");
    }

    #[test]
    fn broken_xml_is_an_error() {
        for x in [
            &b"<a><b></a>"[..],
            b"<a>",
            b"",
            b"<a></a></b>",
            b"\xff\xfe<\0a\0/\0>\0",
        ] {
            assert!(parse(x, "t").is_err(), "{:?}", String::from_utf8_lossy(x));
        }
        let deep = "<a>".repeat(MAX_DEPTH + 5) + &"</a>".repeat(MAX_DEPTH + 5);
        assert!(parse(deep.as_bytes(), "t").is_err());
    }
}
