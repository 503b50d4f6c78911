//! The structure tree of a tagged PDF, written with lopdf after printpdf:
//! one structure element per element of the layout's [`Structure`] that
//! holds text, each leaf pointing at its marked content (page and MCID),
//! the parent tree that maps each page's MCIDs (and each link annotation)
//! back to their elements, and /MarkInfo in the catalog.

use lopdf::{Dictionary, Object, ObjectId};

use crate::handout::layout::structure::ROOT;
use crate::handout::layout::{Role, Structure};

/// Adds the structure tree to `doc`. `marked[page][mcid]` is the element
/// of each MCID of each page, as the content streams use them;
/// `links[page][i]` the element of the page's i-th link annotation.
pub fn structure_tree(
    doc: &mut lopdf::Document,
    structure: &Structure,
    marked: &[Vec<usize>],
    links: &[Vec<Option<usize>>],
) -> lopdf::Result<()> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let n = structure.nodes.len();
    // Each link annotation becomes an object of its own, pointing back
    // into the parent tree; its element will point at it.
    let mut annotations: Vec<Vec<(ObjectId, ObjectId)>> = vec![Vec::new(); n];
    let mut next_key = marked.len();
    let mut annotation_keys = Vec::new();
    for (page, nodes) in pages.iter().zip(links) {
        let annots = match doc.get_object(*page)?.as_dict()?.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            _ => continue,
        };
        let mut refs = Vec::with_capacity(annots.len());
        for (i, annot) in annots.into_iter().enumerate() {
            let Object::Dictionary(mut dict) = annot else {
                refs.push(annot);
                continue;
            };
            let node = nodes.get(i).copied().flatten();
            if let Some(alt) = node.and_then(|n| structure.nodes.get(n)?.alt.as_deref()) {
                dict.set("Contents", super::text_string(alt));
            }
            let key = next_key;
            if node.is_some() {
                dict.set("StructParent", Object::Integer(key as i64));
                next_key += 1;
            }
            let id = doc.add_object(dict);
            if let Some(node) = node.filter(|&n| n < structure.nodes.len()) {
                annotations[node].push((id, *page));
                annotation_keys.push((key, node));
            }
            refs.push(Object::Reference(id));
        }
        doc.get_object_mut(*page)?
            .as_dict_mut()?
            .set("Annots", Object::Array(refs));
    }
    // Each element's marked content, in reading order: (page, MCID).
    let mut content: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (page, mcids) in marked.iter().enumerate() {
        for (mcid, &node) in mcids.iter().enumerate() {
            if let Some(c) = content.get_mut(node) {
                c.push((page, mcid));
            }
        }
    }
    // An element is written when it, or an element under it, holds text.
    let mut kept = vec![false; n];
    for id in (0..n).rev() {
        kept[id] = !content[id].is_empty()
            || !annotations[id].is_empty()
            || structure.nodes[id]
                .children
                .iter()
                .any(|&c| kept.get(c).copied().unwrap_or(false));
    }
    kept[ROOT] = true;
    let ids: Vec<Option<ObjectId>> = kept
        .iter()
        .map(|&k| k.then(|| doc.new_object_id()))
        .collect();
    let root_id = doc.new_object_id();
    let mut parents: Vec<Option<usize>> = vec![None; n];
    for (id, node) in structure.nodes.iter().enumerate() {
        for &c in &node.children {
            if let Some(p) = parents.get_mut(c) {
                *p = Some(id);
            }
        }
    }

    for (id, node) in structure.nodes.iter().enumerate() {
        let Some(object) = ids[id] else { continue };
        let parent = parents[id].and_then(|p| ids[p]).unwrap_or(root_id);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(node.role.name().as_bytes().to_vec()));
        dict.set("P", parent);
        let mut kids: Vec<Object> = node
            .children
            .iter()
            .filter_map(|&c| ids.get(c).copied().flatten())
            .map(Object::Reference)
            .collect();
        if let Some(&(first, _)) = content[id].first() {
            if let Some(&page) = pages.get(first) {
                dict.set("Pg", page);
            }
            for &(page, mcid) in &content[id] {
                if page == first {
                    kids.push(Object::Integer(mcid as i64));
                } else if let Some(&pg) = pages.get(page) {
                    kids.push(Object::Dictionary(Dictionary::from_iter(vec![
                        ("Type", Object::Name(b"MCR".to_vec())),
                        ("Pg", Object::Reference(pg)),
                        ("MCID", Object::Integer(mcid as i64)),
                    ])));
                }
            }
        }
        for &(annotation, page) in &annotations[id] {
            kids.push(Object::Dictionary(Dictionary::from_iter(vec![
                ("Type", Object::Name(b"OBJR".to_vec())),
                ("Obj", Object::Reference(annotation)),
                ("Pg", Object::Reference(page)),
            ])));
        }
        dict.set("K", kids);
        if let Some(lang) = node.lang {
            dict.set("Lang", Object::string_literal(lang.tag()));
        }
        // A link's description goes on its annotation; its text is read.
        if let (Some(alt), false) = (&node.alt, node.role == Role::Link) {
            dict.set("Alt", super::text_string(alt));
        }
        doc.objects.insert(object, Object::Dictionary(dict));
    }

    // The parent tree: for each page, the element of each of its MCIDs.
    let mut nums = Vec::with_capacity(marked.len() * 2);
    for (page, mcids) in marked.iter().enumerate() {
        let elements: Vec<Object> = mcids
            .iter()
            .map(|&node| {
                ids.get(node)
                    .copied()
                    .flatten()
                    .map_or(Object::Null, Object::Reference)
            })
            .collect();
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(elements));
    }
    for (key, node) in annotation_keys {
        nums.push(Object::Integer(key as i64));
        nums.push(ids[node].map_or(Object::Null, Object::Reference));
    }
    let parent_tree = doc.add_object(Dictionary::from_iter(vec![("Nums", Object::Array(nums))]));
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    if let Some(document) = ids[ROOT] {
        root.set("K", document);
    }
    root.set("ParentTree", parent_tree);
    root.set("ParentTreeNextKey", Object::Integer(next_key as i64));
    doc.objects.insert(root_id, Object::Dictionary(root));

    for (i, page) in pages.iter().enumerate() {
        let dict = doc.get_object_mut(*page)?.as_dict_mut()?;
        dict.set("StructParents", Object::Integer(i as i64));
        // Annotations (the contents' links) in the order of the structure.
        if dict.has(b"Annots") {
            dict.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    let catalog = doc.catalog_mut()?;
    catalog.set("StructTreeRoot", root_id);
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
    );
    Ok(())
}
