"""The actor network of a corpus store, as a networkx graph and as GraphML or GEXF.

Nodes are actors (docs/store.md, actor key). Edges, each with `kind`, `weight` and the
effective dates of the first and last document behind it:
  speaks_about  speaker → actor mentioned in the message; weight: statements
  co_mention    actor → actor (key order; read it as undirected); weight: documents naming both
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lagebild.store.actors import ABOUT_JOIN, actors
from lagebild.store.db import as_connection

Db = Any
GRAPH_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}

_SPEAKS_ABOUT = f"""
    SELECT s.speaker_actor AS source, e.actor AS target, count(DISTINCT s.sid) AS weight,
           min(d.date) AS first_date, max(d.date) AS last_date
    FROM statements s JOIN entities e ON {ABOUT_JOIN}
    JOIN documents d ON d.doc_id = s.doc_id
    WHERE s.speaker_actor IS NOT NULL AND e.actor IS NOT NULL AND e.actor <> s.speaker_actor
    GROUP BY s.speaker_actor, e.actor
    HAVING count(DISTINCT s.sid) >= ?
"""
_CO_MENTION = """
    WITH named AS (SELECT DISTINCT doc_id, actor FROM entities WHERE actor IS NOT NULL)
    SELECT a.actor AS source, b.actor AS target, count(*) AS weight,
           min(d.date) AS first_date, max(d.date) AS last_date
    FROM named a JOIN named b ON b.doc_id = a.doc_id AND a.actor < b.actor
    JOIN documents d ON d.doc_id = a.doc_id
    GROUP BY a.actor, b.actor
    HAVING count(*) >= ?
"""


def _clean(attributes: dict[str, Any]) -> dict[str, Any]:
    """GraphML and GEXF have no null: leave missing attributes out."""
    return {key: value for key, value in attributes.items() if value is not None}


def actor_graph(db: Db, min_weight: int = 1):
    """A networkx MultiDiGraph of the actors and their speaks_about and co_mention edges."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    conn, opened = as_connection(db)
    try:
        for actor in actors(conn, top=None):
            graph.add_node(
                actor["actor"],
                **_clean(
                    {
                        "label": actor["name"] or actor["actor"],
                        "type": actor["label"],
                        "kb_id": actor["kb_id"],
                        "mentions": actor["mentions"],
                        "documents": actor["documents"],
                        "statements_made": actor["statements_made"],
                        "statements_about": actor["statements_about"],
                    }
                ),
            )
        # the store compares actor keys without regard to case; so do the edges
        nodes = {node.casefold(): node for node in graph.nodes}
        for kind, sql in (("speaks_about", _SPEAKS_ABOUT), ("co_mention", _CO_MENTION)):
            for row in conn.execute(sql, (int(min_weight),)):
                edge = dict(row)
                source = nodes.setdefault(edge.pop("source").casefold(), row["source"])
                target = nodes.setdefault(edge.pop("target").casefold(), row["target"])
                graph.add_edge(source, target, key=kind, kind=kind, **_clean(edge))
    finally:
        if opened:
            conn.close()
    return graph


def write_network(db: Db, out_path: str | Path, min_weight: int = 1) -> tuple[int, int]:
    """Write the actor network to FILE.graphml or FILE.gexf; (nodes, edges)."""
    import networkx as nx

    out_path = Path(out_path)
    fmt = GRAPH_FORMATS.get(out_path.suffix.lower())
    if fmt is None:
        raise ValueError(f"network file must end in .graphml or .gexf, got {out_path.name!r}")
    graph = actor_graph(db, min_weight=min_weight)
    if fmt == "graphml":
        nx.write_graphml(graph, out_path)
    else:
        nx.write_gexf(graph, out_path)
    return graph.number_of_nodes(), graph.number_of_edges()
