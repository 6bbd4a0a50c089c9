//! What the screen shows, unstyled: where each part goes, the text of the list's rows, the
//! lines of the detail pane and which of them are relations or similar partners, the note
//! editor's wrapped rows, the rows of the overview and of the help. The app uses these
//! models to bound scrolling and to map clicks; `ui` only styles and draws them. Nothing here
//! knows colours or draws.

pub mod detail;
pub mod help;
pub mod layout;
pub mod list;
pub mod note;
pub mod overview;
