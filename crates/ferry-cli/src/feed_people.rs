//! How `ferry feed people` and `ferry feed link` print a linked person.

use ferry_core::feed::Person;

pub fn describe(person: &Person) -> String {
    let authors: Vec<String> = person
        .authors
        .iter()
        .map(|a| {
            format!(
                "  {} {}",
                a.network,
                a.label.as_deref().unwrap_or(&a.author_key)
            )
        })
        .collect();
    format!("{}  {}\n{}", person.id, person.name, authors.join("\n"))
}

pub fn describe_all(people: &[Person]) -> String {
    if people.is_empty() {
        return "no linked people (`ferry feed link <item> <item>` links the authors of two items)"
            .to_owned();
    }
    people.iter().map(describe).collect::<Vec<_>>().join("\n\n")
}
