"""reviewer/core"""
