/** Template of .gitignore: build output and installs of one generated service. */
export default String.raw`node_modules/
dist/
dist-test/
`;
