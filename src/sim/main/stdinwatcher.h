#pragma once
// --exit-with-stdin: quits the application when standard input reaches end of file, so a simulator started
// by another program (demo mode) ends with its parent even if the parent dies without cleaning up.

namespace ascend::sim {

// Starts a detached thread that blocks on stdin; safe to call once.
void quitWhenStdinCloses();

} // namespace ascend::sim
