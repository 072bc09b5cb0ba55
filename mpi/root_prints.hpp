// The root prints (or writes) a command's answer; a failure there, such as an unwritable
// -o FILE, ends every rank with its message and status.
#pragma once

#include "mpi/agreement.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective.
template <typename Print>
void root_prints(World& world, Print&& print) {
  agree_on(world, [&] {
    if (world.root()) print();
  });
}

}  // namespace castgraph::mpi
