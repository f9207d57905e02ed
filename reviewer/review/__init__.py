"""The review workflow and the services around it: accounts, learning, export, the web scan job, figures."""
