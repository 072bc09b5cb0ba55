#!/usr/bin/python3
"""What a user would otherwise do: load follows.csv with a graph library, then ask the
reach of ten hosts (distinct fans following at least one of them, weights all 1 here).
Usage: load_and_reach.py igraph|graph-tool|networkx DATASET HOST[,HOST...]
Prints: load_seconds reach_seconds reach  (the query's answer, to check it agrees)."""
import csv
import sys
import time


def load_igraph(path):
    import igraph
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        # a generator, not a list: TupleList streams it, which halves peak memory
        return igraph.Graph.TupleList(((fan, host) for fan, host, *_ in rows), directed=False)


def reach_igraph(graph, hosts):
    fans = set()
    for host in hosts:
        fans.update(graph.neighbors(graph.vs.find(name=host).index))
    return len(fans)


def load_graph_tool(path):
    import graph_tool.all as gt
    return gt.load_graph_from_csv(path, directed=False, hashed=True, skip_first=True,
                                  ecols=(0, 1), csv_options={"delimiter": ","})


def reach_graph_tool(graph, hosts):
    names = graph.vp["name"]
    index = {names[v]: int(v) for v in graph.vertices() if names[v] in hosts}
    fans = set()
    for host in hosts:
        fans.update(int(u) for u in graph.vertex(index[host]).all_neighbors())
    return len(fans)


def load_networkx(path):
    import networkx
    graph = networkx.Graph()
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        graph.add_edges_from((fan, host) for fan, host, *_ in rows)
    return graph


def reach_networkx(graph, hosts):
    fans = set()
    for host in hosts:
        fans.update(graph.neighbors(host))
    return len(fans)


def main():
    tool, dataset, hosts = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    load, reach = {"igraph": (load_igraph, reach_igraph),
                   "graph-tool": (load_graph_tool, reach_graph_tool),
                   "networkx": (load_networkx, reach_networkx)}[tool]
    start = time.perf_counter()
    graph = load(dataset + "/follows.csv")
    loaded = time.perf_counter()
    answer = reach(graph, set(hosts))
    done = time.perf_counter()
    print(f"{loaded - start:.3f} {done - loaded:.4f} {answer}")


main()
