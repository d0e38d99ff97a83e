/** Template of the starter repository's .gitignore: installs, build output, local secrets and Terraform state. */
export default String.raw`# Dependencies and build output of the services
node_modules/
dist/
dist-test/

# Local settings: copy .env.example to .env; never commit real credentials
.env
.env.*
!.env.example

# Terraform working files and state (keep state in a remote backend)
.terraform/
*.tfstate
*.tfstate.*
*.tfplan
crash.log

# Editors and operating systems
.DS_Store
.idea/
.vscode/
*.log
`;
