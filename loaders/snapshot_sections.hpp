// The one list of what a snapshot stores, in order. The writer and the reader both walk
// it (with a const and a mutable Network), so the two can never disagree about the
// layout. Adding a Column to Network means adding one line here and bumping
// kSnapshotVersion.
#pragma once

#include "graph/network.hpp"

namespace castgraph::snapshot_detail {

// Io provides: column(name, Column<T>&), strings(name, StringTable&),
// interner(name, Interner&), categories(name, CategoryColumn&), csr(name, Csr&),
// each for const or mutable arguments.
template <class Io, class NetworkRef>
void visit_sections(Io& io, NetworkRef& n) {
  io.interner("platforms.ids", n.platforms.ids);
  io.strings("platforms.names", n.platforms.names);
  io.column("platforms.population", n.platforms.population);

  io.interner("bases.ids", n.bases.ids);
  io.strings("bases.names", n.bases.names);
  io.categories("bases.province", n.bases.province);
  io.categories("bases.city", n.bases.city);
  io.categories("bases.kind", n.bases.kind);

  io.interner("broadcasters.ids", n.broadcasters.ids);
  io.strings("broadcasters.names", n.broadcasters.names);
  io.column("broadcasters.base", n.broadcasters.base);
  io.categories("broadcasters.province", n.broadcasters.province);
  io.categories("broadcasters.kind", n.broadcasters.kind);
  io.column("broadcasters.fee", n.broadcasters.fee);

  io.column("fanbases.broadcaster", n.fanbases.broadcaster);
  io.column("fanbases.platform", n.fanbases.platform);
  io.column("fanbases.fans", n.fanbases.fans);
  io.strings("fanbases.handles", n.fanbases.handles);

  io.interner("fans.ids", n.fans.ids);
  io.column("fans.weights", n.fans.weights);
  io.categories("fans.province", n.fans.province);
  io.categories("fans.city", n.fans.city);

  io.csr("owns", n.relations.owns);
  io.csr("platform_fanbases", n.relations.platform_fanbases);
  io.csr("base_members", n.relations.base_members);
  io.csr("follows", n.relations.follows);
  io.csr("followers", n.relations.followers);
  io.csr("collab", n.relations.collab);
  io.column("collab_weight", n.relations.collab_weight);
}

}  // namespace castgraph::snapshot_detail
