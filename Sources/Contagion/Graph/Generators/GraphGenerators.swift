/// The graph generators, each in its own file. All take an explicit generator so that a
/// scenario's seed fixes the graph.
public enum GraphGenerators {}
